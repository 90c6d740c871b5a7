package io.liteshift.review;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema as entity-relationship diagrams and, for screen readers and for searching, the same changes as a
 * table. One diagram shows both states at once: what was dropped stays in place, struck through and dashed.
 * It draws the changed tables; the full diagram of every table is one click away (a {@code <details>}, which works
 * without scripts and is opened for printing).
 */
record DiagramSection(Overview overview, StringBuilder out) {
    /** How many names a description lists before "and N more". */
    private static final int NAMED = 12;

    void write() {
        SchemaChanges changes = overview.changes();
        out.append("<section id=\"diagram\" aria-labelledby=\"diagram-heading\">\n<h2 id=\"diagram-heading\">Schema diagram</h2>\n")
                .append("<p>One diagram shows the schema before and after together: each table, column and foreign key is marked"
                        + " with how it changed, by a sign, a word and a colour. Arrows point from a child table to the table it"
                        + " references.</p>\n<ul class=\"legend\">\n");
        for (State s : List.of(State.ADDED, State.DROPPED, State.CHANGED, State.REBUILT)) {
            out.append("<li>").append(ChangesTable.badge(s)).append(' ').append(legend(s)).append("</li>\n");
        }
        out.append("<li><span class=\"mono\">PK FK UQ NN</span> primary key, foreign key, unique, NOT NULL</li>\n</ul>\n");
        Diagram changed = Diagram.changes("erd-changes", changes);
        if (changes.changedTables().isEmpty()) {
            out.append("<p id=\"erd-changes\">No table changes.</p>\n");
        } else {
            figure(changed, "Diagram of the changed tables", "The changed tables in full, the unchanged tables they are linked to"
                    + " by name only" + (changed.hidden() > 0 ? ", and a block counting the other tables." : "."));
        }
        boolean leavesOut = !changed.complete() || changes.changedTables().isEmpty();
        if (leavesOut && !changes.tables().isEmpty()) {
            Diagram all = Diagram.all("erd-all", changes);
            out.append("<details id=\"all-tables\">\n<summary>All tables (").append(Figures.count(changes.tables().size()))
                    .append(")</summary>\n");
            figure(all, "Diagram of all tables", "Every table of both schemas in full.");
            out.append("</details>\n");
        }
        new ChangesTable(changes, out).write();
        out.append("</section>\n");
    }

    private static String legend(State s) {
        return switch (s) {
            case ADDED -> "only after";
            case DROPPED -> "only before: struck through, dashed";
            case CHANGED -> "in both, different";
            case REBUILT -> "copied into a new table, every row under the write lock";
            default -> "";
        };
    }

    private void figure(Diagram d, String title, String caption) {
        out.append("<figure>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").append(Html.attr(title))
                .append(" (scrolls)\">\n").append(Svg.of(d, title, description(d))).append("</div>\n<figcaption>")
                .append(Html.text(caption)).append("</figcaption>\n</figure>\n");
    }

    /** What the diagram shows, in words: the changed tables by state, and what it leaves out. */
    private static String description(Diagram d) {
        List<String> parts = new ArrayList<>();
        long tables = d.boxes().stream().filter(b -> b.table() != null).count();
        parts.add("Entity-relationship diagram of " + Figures.count(tables, "table") + " and " + Figures.count(d.edges().size(), "foreign key") + ".");
        for (State s : List.of(State.ADDED, State.DROPPED, State.CHANGED, State.REBUILT)) {
            List<String> names = d.boxes().stream().filter(b -> b.table() != null && b.table().state() == s).map(b -> b.table().name()).toList();
            if (!names.isEmpty()) parts.add(capitalized(s.word()) + ": " + Figures.some(names, NAMED) + ".");
        }
        List<String> byName = d.boxes().stream().filter(b -> b.table() != null && b.collapsed()).map(b -> b.table().name()).toList();
        if (!byName.isEmpty()) parts.add("Unchanged, by name only: " + Figures.some(byName, NAMED) + ".");
        if (d.hidden() > 0) parts.add(Figures.count(d.hidden(), "unchanged table") + " not drawn.");
        parts.add("The table \"Changes, as a table\" lists every change.");
        return String.join(" ", parts);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
