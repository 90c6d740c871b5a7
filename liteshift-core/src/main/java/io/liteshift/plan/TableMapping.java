package io.liteshift.plan;

import io.liteshift.schema.Column;
import io.liteshift.schema.Table;

import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the rows of a table that exists on both sides become rows of the declared table: for each declared
 * stored column, the SQL expression over the current table that gives its value. Safety checks use this to
 * test the declared constraints against the rows that are there before anything is written.
 *
 * @param values    folded declared column name -> expression over {@code from} (absent: the column's DEFAULT)
 * @param rebuilt   true when the table is rebuilt (new table, copy, drop, rename)
 * @param reasons   why it is rebuilt
 * @param backfills declared columns whose NULLs are replaced by their DEFAULT
 */
public record TableMapping(Table from, Table to, Map<String, String> values, boolean rebuilt, List<String> reasons,
                           List<Column> backfills) {
    public TableMapping {
        values = Map.copyOf(values);
        reasons = List.copyOf(reasons);
        backfills = List.copyOf(backfills);
    }

    /**
     * What an {@code INSERT INTO to (into...) SELECT select... FROM from} that copies the rows fills: the rowid first
     * when both tables have one and no declared column carries it, then each declared column that has a value, with
     * its expression over {@code from}.
     */
    public record Copy(List<String> into, List<String> select) {
        public Copy {
            into = List.copyOf(into);
            select = List.copyOf(select);
        }

        public boolean isEmpty() {
            return into.isEmpty();
        }
    }

    /** The copy of the rows: the offline rebuild's INSERT ... SELECT and the online copier use the same columns. */
    public Copy copy() {
        List<String> into = new ArrayList<>();
        List<String> select = new ArrayList<>();
        boolean aliasCopied = to.rowidAlias().map(a -> values.containsKey(Identifiers.fold(a.name()))).orElse(false);
        if (keepsRowid() && !aliasCopied) {
            into.add(rowidName(to));
            select.add(rowidName(from));
        }
        for (Column c : to.columns()) {
            String expr = values.get(Identifiers.fold(c.name()));
            if (expr == null) continue;
            into.add(Identifiers.quote(c.name()));
            select.add(expr);
        }
        return new Copy(into, select);
    }

    /** Both tables have a rowid, so the copy keeps every row's. */
    public boolean keepsRowid() {
        return !from.withoutRowid() && !to.withoutRowid();
    }

    /** A name for the rowid that is not shadowed by a column of the table. */
    public static String rowidName(Table t) {
        for (String n : List.of("rowid", "_rowid_", "oid")) if (t.column(n).isEmpty()) return n;
        return "rowid";
    }
}
