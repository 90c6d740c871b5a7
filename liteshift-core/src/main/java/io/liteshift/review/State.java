package io.liteshift.review;

import java.util.Locale;

/**
 * How a table, column, foreign key or other object differs between the schema before and after. Each state has a
 * word and a mark, so the page never says it by colour alone. Only tables are {@link #REBUILT}.
 */
enum State {
    ADDED("+"), DROPPED("-"), CHANGED("~"), REBUILT("*"), UNCHANGED(" ");

    private final String mark;

    State(String mark) {
        this.mark = mark;
    }

    /** "added", for sentences and CSS classes. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The one-character mark before a name in the diagram. */
    String mark() {
        return mark;
    }

    /** "st-added": the CSS class that gives the state its colour and line style. */
    String cssClass() {
        return "st-" + word();
    }

    boolean changed() {
        return this != UNCHANGED;
    }
}
