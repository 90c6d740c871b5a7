package io.liteshift.lint;

import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.schema.Table;
import io.liteshift.sql.Defaults;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
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

    static String of(TableMapping m) {
        Table old = m.from();
        List<String> cols = new ArrayList<>();
        cols.add(keyExpression(old) + " AS " + KEY);
        for (Column c : m.to().columns()) {
            if (c.isGenerated()) continue;
            String expr = m.values().get(Identifiers.fold(c.name()));
            if (expr == null) expr = c.defaultValue() == null ? "NULL" : Defaults.asExpression(c.defaultValue());
            cols.add(expr + " AS " + Identifiers.quote(c.name()));
        }
        String rows = "SELECT " + String.join(", ", cols) + " FROM " + Identifiers.quote(old.name());
        // generated columns are computed over the stored ones, one layer each (they may read each other)
        for (Column c : m.to().columns()) {
            if (c.isGenerated()) rows = "SELECT *, (" + c.generated().expression() + ") AS " + Identifiers.quote(c.name()) + " FROM (" + rows + ")";
        }
        return rows;
    }

    /** How rows are named in messages: "id 27" or "(a, b) (1, 2)" or "rowid 5". */
    static String keyLabel(Table old) {
        List<String> key = old.keyColumns();
        return key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")";
    }

    private static String keyExpression(Table old) {
        List<String> key = old.keyColumns();
        if (key.size() == 1) return key.get(0).equals("rowid") && old.withoutRowid() ? "NULL" : Identifiers.quote(key.get(0));
        return "'(' || " + key.stream().map(k -> "quote(" + Identifiers.quote(k) + ")").collect(Collectors.joining(" || ', ' || "))
                + " || ')'";
    }
}
