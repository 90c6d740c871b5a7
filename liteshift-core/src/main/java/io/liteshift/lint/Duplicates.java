package io.liteshift.lint;

import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rows that share a key a UNIQUE (constraint, PRIMARY KEY or unique index) would reject, as a person reads
 * them: the exact number of rows and of duplicated values, then the most duplicated values with their counts and
 * a few keys each ({@code email 'a@x' appears 3 times (id 1, 7, 9)}). One grouping pass finds whether there are
 * any; only then a second one, bounded by LIMIT, picks the samples.
 */
final class Duplicates {

    /**
     * @param rows   rows that share their key with another row
     * @param values distinct keys held by more than one row
     * @param shown  the sample: {@code 'a@x' appears 3 times (id 1, 7, 9)}, most duplicated first
     */
    record Found(long rows, long values, List<String> shown) {
    }

    private Duplicates() {
    }

    /**
     * @param where a partial index's WHERE, or null
     * @return empty when no two rows (NULLs aside) share a key
     */
    static Optional<Found> of(Connection db, TableMapping m, List<IndexedColumn> keys, String where) throws SQLException {
        List<String> group = keys.stream().map(k -> groupExpression(m.to(), k)).toList();
        String notNull = keys.stream().map(k -> "(" + expression(k) + ") IS NOT NULL").collect(Collectors.joining(" AND "));
        String rows = Projection.aliased(m, Projection.of(m)) + " WHERE " + notNull + (where == null ? "" : " AND (" + where + ")");
        String groupBy = " GROUP BY " + String.join(", ", group) + " HAVING count(*) > 1";
        List<List<String>> totals = Rows.table(db, "SELECT count(*), sum(n) FROM (SELECT count(*) AS n FROM " + rows + groupBy + ")");
        long values = Long.parseLong(totals.get(0).get(0));
        if (values == 0) return Optional.empty();
        long dupRows = Long.parseLong(totals.get(0).get(1));
        return Optional.of(new Found(dupRows, values, samples(db, m, keys, rows, group)));
    }

    /** The most duplicated values, each with its count and its first keys, numbered within the group by a window. */
    private static List<String> samples(Connection db, TableMapping m, List<IndexedColumn> keys, String rows, List<String> group)
            throws SQLException {
        List<String> g = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) g.add("__g" + i);
        String value = keys.size() == 1 ? Samples.quoted("min(" + g.get(0) + ")")
                : "'(' || " + g.stream().map(x -> Samples.quoted("min(" + x + ")")).collect(Collectors.joining(" || ', ' || ")) + " || ')'";
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) numbered.add(group.get(i) + " AS " + g.get(i));
        String inner = "SELECT " + String.join(", ", numbered) + ", " + Projection.KEY + " AS __k, row_number() OVER (PARTITION BY "
                + String.join(", ", group) + " ORDER BY " + Projection.KEY + ") AS __r FROM " + rows;
        List<String> regroup = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) regroup.add(g.get(i) + collationOf(m.to(), keys.get(i)));
        String sql = "SELECT " + value + ", count(*), group_concat(__k, ', ' ORDER BY __r) FILTER (WHERE __r <= "
                + Samples.KEYS_PER_VALUE + ") FROM (" + inner + ") GROUP BY " + String.join(", ", regroup)
                + " HAVING count(*) > 1 ORDER BY count(*) DESC, 1 LIMIT " + Samples.VALUES;
        String label = Projection.keyLabel(m.from());
        List<String> out = new ArrayList<>();
        for (List<String> r : Rows.table(db, sql)) {
            long n = Long.parseLong(r.get(1));
            out.add(r.get(0) + " appears " + String.format("%,d", n) + " times (" + label + " " + r.get(2)
                    + (n > Samples.KEYS_PER_VALUE ? ", …" : "") + ")");
        }
        return out;
    }

    /** How the key is named in a message: {@code email}, {@code (email, org)}, {@code lower(email)}. */
    static String keyName(List<IndexedColumn> keys) {
        List<String> names = keys.stream().map(IndexedColumn::expression).toList();
        return names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")";
    }

    private static String expression(IndexedColumn k) {
        return k.isColumn() ? Identifiers.quote(k.expression()) : k.expression();
    }

    private static String groupExpression(Table t, IndexedColumn k) {
        String e = k.isColumn() ? Identifiers.quote(k.expression()) : "(" + k.expression() + ")";
        return e + collationOf(t, k);
    }

    /** The collation the key compares with: its own, else its column's. */
    private static String collationOf(Table t, IndexedColumn k) {
        String coll = k.collation();
        if (coll == null && k.isColumn()) coll = t.column(k.expression()).map(Column::collation).orElse(null);
        return coll == null ? "" : " COLLATE " + Identifiers.quote(coll);
    }
}
