package io.liteshift.lint;

import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.schema.Table;
import io.liteshift.sql.Defaults;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The current rows of a table seen through the declared columns: a SELECT over the current table whose
 * columns carry the declared names and the values the plan will give them. Declared constraints can then be
 * tested on the rows as they are, before anything is written.
 */
final class Projection {
    static final String KEY = "__liteshift_key";

    private Projection() {
    }

    /** Every declared column: the stored ones ({@link #stored}), then the generated ones computed over them. */
    static String of(TableMapping m) {
        return computed(m, stored(m));
    }

    /** The row key ({@link #KEY}) and the declared stored columns, in {@link #storedColumns} order. */
    static String stored(TableMapping m) {
        Table old = m.from();
        List<String> cols = new ArrayList<>();
        cols.add(keyExpression(old) + " AS " + KEY);
        for (Column c : m.to().columns()) {
            if (c.isGenerated()) continue;
            String expr = m.values().get(Identifiers.fold(c.name()));
            if (expr == null) expr = c.defaultValue() == null ? "NULL" : Defaults.asExpression(c.defaultValue());
            cols.add(expr + " AS " + Identifiers.quote(c.name()));
        }
        return "SELECT " + String.join(", ", cols) + " FROM " + Identifiers.quote(old.name());
    }

    /** The columns {@link #stored} gives, quoted: the key first. */
    static List<String> storedColumns(TableMapping m) {
        List<String> out = new ArrayList<>();
        out.add(KEY);
        m.to().columns().stream().filter(c -> !c.isGenerated()).forEach(c -> out.add(Identifiers.quote(c.name())));
        return out;
    }

    /** {@code rows} (the stored columns) with the generated columns computed over them, one layer each (they may read each other). */
    static String computed(TableMapping m, String rows) {
        for (Column c : m.to().columns()) {
            if (c.isGenerated()) rows = "SELECT *, (" + c.generated().expression() + ") AS " + Identifiers.quote(c.name()) + " FROM (" + rows + ")";
        }
        return rows;
    }

    /** The projection named like the declared table, so expressions that qualify columns with it still work. */
    static String aliased(TableMapping m, String projection) {
        return "(" + projection + ") AS " + Identifiers.quote(m.to().name());
    }

    /** How rows are named in messages: "id 27" or "(a, b) (1, 2)" or "rowid 5". */
    static String keyLabel(Table old) {
        List<String> key = old.keyColumns();
        return key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")";
    }

    /**
     * The old column a declared column's value is, when it is one: copied as it is, or with its NULLs filled
     * ({@code coalesce(old, DEFAULT)}); empty for a value the copy computes.
     */
    static Optional<String> sourceColumn(TableMapping m, Column declared) {
        String value = m.values().get(Identifiers.fold(declared.name()));
        if (value == null) return Optional.empty();
        List<Token> t = Lexer.significant(value);
        if (t.size() == 1 && t.get(0).isIdentifier()) return Optional.of(t.get(0).identifier());
        boolean filled = t.size() > 4 && t.get(0).is("coalesce") && t.get(1).isPunct("(") && t.get(2).isIdentifier() && t.get(3).isPunct(",");
        return filled ? Optional.of(t.get(2).identifier()) : Optional.empty();
    }

    /** The row key as shown in messages: the primary key's value(s), or the rowid. */
    static String keyExpression(Table old) {
        List<String> key = old.keyColumns();
        if (key.size() == 1) {
            return key.get(0).equals("rowid") && old.withoutRowid() ? "NULL" : Samples.shown(Identifiers.quote(key.get(0)));
        }
        return "'(' || " + key.stream().map(k -> Samples.shown("quote(" + Identifiers.quote(k) + ")")).collect(Collectors.joining(" || ', ' || "))
                + " || ')'";
    }
}
