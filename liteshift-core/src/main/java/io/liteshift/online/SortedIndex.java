package io.liteshift.online;

import io.liteshift.schema.Column;
import io.liteshift.schema.Index;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A declared index that is filled in key order, from the table's own index on the same columns, instead of row by row
 * with the shadow: a shadow index filled in rowid order gets its entries at random places, so every chunk writes
 * about one index page per row to the WAL (gigabytes for a few million rows), while entries appended in key order fill
 * one page after the other.
 * <p>
 * The entries go into a WITHOUT ROWID table whose primary key is the index's key and then the rowid: SQLite stores
 * such a table as an index b-tree with the same records (the key's values, then the rowid: the file format's index b-tree
 * records), and the swap makes it the declared index by rewriting its row in sqlite_schema. The table holds exactly the
 * index's entries of the current rows up to its largest entry (the cursor): each chunk appends the next entries of the
 * table's index after the cursor, and the replay of a changed row deletes the entry of its old key (the change log
 * records it) and of its current one, then adds the current one when it is not above the cursor. The swap appends the
 * rest.
 * <p>
 * It serves where the current table has no equal index to hand over ({@link ReusedIndex}) but one to read in order.
 * Only a plain index can be built this way: not UNIQUE (a shadow index reports a duplicate as the row that breaks it),
 * without WHERE, on columns copied unchanged with the same affinity and collation, ascending, and with a matching
 * index on the current table. A WITHOUT ROWID primary key cannot hold NULL: the first column may be nullable while it
 * holds none (checked when the rebuild starts, under its lock), the others must be NOT NULL. A NULL that the
 * application writes later makes the rebuild start again with that index built with the shadow.
 */
final class SortedIndex {
    static final String PREFIX = "_liteshift_ix_";

    private final Index declared;
    private final String tableQ;
    private final String rowid;
    /** The current table's key columns, quoted. */
    private final List<String> source;
    private final List<String> types;
    private final List<String> collations;
    /** The change log's columns with the old key values of this index. */
    private final List<String> logColumns;
    private final boolean firstNullable;

    private SortedIndex(Index declared, Target t, List<String> source, List<String> types, List<String> collations, int logOffset,
                        boolean firstNullable) {
        this.declared = declared;
        this.tableQ = t.tableQ();
        this.rowid = t.rowid();
        this.source = List.copyOf(source);
        this.types = List.copyOf(types);
        this.collations = List.copyOf(collations);
        List<String> log = new ArrayList<>();
        for (int j = 0; j < source.size(); j++) log.add("o" + (logOffset + j));
        this.logColumns = List.copyOf(log);
        this.firstNullable = firstNullable;
    }

    /**
     * The declared indexes of {@code t} that can be built in key order; {@code exclude}: folded names built otherwise
     * (with the shadow, or handed over from the current table).
     */
    static List<SortedIndex> candidates(Connection c, Target t, Set<String> exclude) throws SQLException {
        List<SortedIndex> out = new ArrayList<>();
        int offset = 0;
        for (Index i : t.indexes()) {
            if (exclude.contains(Identifiers.fold(i.name()))) continue;
            Optional<SortedIndex> s = of(c, t, i, offset);
            if (s.isPresent()) {
                out.add(s.get());
                offset += i.keys().size();
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The sorted indexes a run that is resumed had: the candidates whose tables exist. */
    static List<SortedIndex> existing(Connection c, Target t, Set<String> exclude) throws SQLException {
        List<SortedIndex> all = candidates(c, t, exclude);
        List<String> absent = new ArrayList<>(exclude);
        for (SortedIndex s : all) if (!Drain.exists(c, s.table())) absent.add(Identifiers.fold(s.declared.name()));
        return absent.size() == exclude.size() ? all : candidates(c, t, Set.copyOf(absent));
    }

    private static Optional<SortedIndex> of(Connection c, Target t, Index i, int offset) throws SQLException {
        if (i.unique() || i.where() != null) return Optional.empty();
        CopiedKey key = CopiedKey.of(t, i).orElse(null);
        if (key == null || !key.ascending()) return Optional.empty();
        for (int j = 0; j < key.from().size(); j++) {
            // the copy's ranges compare by the column's own collation, which SQLite's index of the table must have
            if (!key.collations().get(j).equals(CopiedKey.collation(key.from().get(j).collation()))) return Optional.empty();
            if (j > 0 && !key.from().get(j).notNull()) return Optional.empty();
        }
        List<String> quoted = key.from().stream().map(sc -> Identifiers.quote(sc.name())).toList();
        List<String> types = key.to().stream().map(Column::type).toList();
        SortedIndex s = new SortedIndex(i, t, quoted, types, key.collations(), offset, !key.from().get(0).notNull());
        return s.readsInOrder(c) ? Optional.of(s) : Optional.empty();
    }

    /** SQLite walks an index of the current table for every range the copy reads, without sorting. */
    private boolean readsInOrder(Connection c) throws SQLException {
        List<String> ranges = new ArrayList<>(ranges());
        ranges.add(selectAll() + orderBy());
        for (String range : ranges) {
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement p = c.prepareStatement("EXPLAIN QUERY PLAN " + range)) {
                for (int j = 1; j <= p.getParameterMetaData().getParameterCount(); j++) p.setObject(j, null);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) plan.append(rs.getString(4)).append('\n');
                }
            }
            String p = plan.toString();
            if (!p.contains("COVERING INDEX") || p.contains("TEMP B-TREE")) return false;
        }
        return true;
    }

    Index declared() {
        return declared;
    }

    /** The table that holds the entries while the rebuild copies. */
    String table() {
        return PREFIX + declared.name();
    }

    private String tableQ() {
        return Identifiers.forceQuote(table());
    }

    List<String> logColumns() {
        return logColumns;
    }

    /** The current table's key columns, quoted, for the capture triggers ("OLD." + each). */
    List<String> keyColumns() {
        return source;
    }

    private List<String> ixColumns() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < source.size(); j++) out.add("k" + j);
        return out;
    }

    String createSql() {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(tableQ()).append(" (");
        for (int j = 0; j < source.size(); j++) {
            sb.append("k").append(j).append(types.get(j).isEmpty() ? "" : " " + types.get(j)).append(" COLLATE ")
                    .append(Identifiers.quote(collations.get(j))).append(", ");
        }
        return sb.append("rid INTEGER, PRIMARY KEY (").append(String.join(", ", ixColumns())).append(", rid)) WITHOUT ROWID").toString();
    }

    /** True when the table holds a row whose first key column is NULL: then this index is built with the shadow. */
    boolean holdsNull(Connection c) throws SQLException {
        return firstNullable && Sql.one(c, "SELECT 1 FROM " + tableQ + " WHERE " + source.get(0) + " IS NULL LIMIT 1") != null;
    }

    /** A NOT NULL failure of this index's table: the application wrote a NULL key. */
    boolean failedOnNull(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("NOT NULL") && m.contains(table());
    }

    private String selectAll() {
        return "SELECT " + String.join(", ", source) + ", " + rowid + " FROM " + tableQ;
    }

    private String orderBy() {
        return " ORDER BY " + String.join(", ", source) + ", " + rowid;
    }

    private String insert() {
        return "INSERT OR FAIL INTO " + tableQ() + " (" + String.join(", ", ixColumns()) + ", rid) ";
    }

    /**
     * The entries after a cursor (the key values ?1..?n and the rowid ?n+1), as disjoint ranges in key order, each one an
     * equality on a prefix of the key and a range on the next column: SQLite seeks each of them in the index, where a
     * row value comparison over the key and the rowid would make it read every entry with the cursor's first value.
     */
    private List<String> ranges() {
        List<String> out = new ArrayList<>();
        int n = source.size();
        for (int j = n; j >= 0; j--) {
            List<String> terms = new ArrayList<>();
            for (int e = 0; e < j; e++) terms.add(source.get(e) + " = ?" + (e + 1));
            terms.add((j == n ? rowid : source.get(j)) + " > ?" + (j + 1));
            out.add(selectAll() + " WHERE " + String.join(" AND ", terms) + orderBy());
        }
        return out;
    }

    private String cursor() {
        List<String> desc = new ArrayList<>();
        for (String k : ixColumns()) desc.add(k + " DESC");
        return "SELECT " + String.join(", ", ixColumns()) + ", rid FROM " + tableQ() + " ORDER BY " + String.join(", ", desc) + ", rid DESC LIMIT 1";
    }

    /** The prepared statements of one index for one connection. */
    Statements prepare(Connection c) throws SQLException {
        return new Statements(c);
    }

    final class Statements implements AutoCloseable {
        private final PreparedStatement cursor;
        private final PreparedStatement first;
        private final List<PreparedStatement> after = new ArrayList<>();
        private final PreparedStatement deleteOld;
        private final PreparedStatement deleteCurrent;
        private final PreparedStatement insertCurrent;

        private Statements(Connection c) throws SQLException {
            String n = "?" + (source.size() + 2);
            cursor = c.prepareStatement(cursor());
            first = c.prepareStatement(insert() + selectAll() + orderBy() + " LIMIT ?1");
            for (String range : ranges()) after.add(c.prepareStatement(insert() + range + " LIMIT " + n));
            String batch = "SELECT rid FROM " + Target.logQ() + " WHERE seq > ?1 AND seq <= ?2";
            String key = "(" + String.join(", ", ixColumns()) + ", rid)";
            deleteOld = c.prepareStatement("DELETE FROM " + tableQ() + " WHERE " + key + " IN (SELECT " + String.join(", ", logColumns)
                    + ", rid FROM " + Target.logQ() + " WHERE seq > ?1 AND seq <= ?2)");
            String current = selectAll() + " WHERE " + rowid + " IN (" + batch + ")";
            deleteCurrent = c.prepareStatement("DELETE FROM " + tableQ() + " WHERE " + key + " IN (" + current + ")");
            // a NULL key is tried too, so that its NOT NULL failure says the index cannot be built this way
            insertCurrent = c.prepareStatement(insert() + current + " AND ((" + String.join(", ", source) + ", " + rowid + ") <= (" + cursor()
                    + ")" + (firstNullable ? " OR " + source.get(0) + " IS NULL" : "") + ")");
        }

        /** Appends up to {@code rows} entries after the cursor; the number appended. */
        long chunk(long rows) throws SQLException {
            Object[] at = at();
            if (at == null) return Sql.update(first, rows);
            long done = 0;
            for (PreparedStatement p : after) {
                if (done >= rows) break;
                bindCursor(p, at, rows - done);
                done += p.executeUpdate();
            }
            return done;
        }

        /** Appends every entry after the cursor (the swap, under its lock). */
        void rest() throws SQLException {
            chunk(Long.MAX_VALUE / 4);
        }

        /** The replay of the log entries in (from, to]. */
        void replay(long from, long to) throws SQLException {
            Sql.update(deleteOld, from, to);
            Sql.update(deleteCurrent, from, to);
            Sql.update(insertCurrent, from, to);
        }

        private Object[] at() throws SQLException {
            try (ResultSet rs = cursor.executeQuery()) {
                if (!rs.next()) return null;
                Object[] v = new Object[source.size() + 1];
                for (int j = 0; j < v.length; j++) v[j] = rs.getObject(j + 1);
                return v;
            }
        }

        private void bindCursor(PreparedStatement p, Object[] at, long limit) throws SQLException {
            for (int j = 0; j < at.length; j++) p.setObject(j + 1, at[j]);
            p.setLong(at.length + 1, limit);
        }

        @Override
        public void close() throws SQLException {
            cursor.close();
            first.close();
            for (PreparedStatement p : after) p.close();
            deleteOld.close();
            deleteCurrent.close();
            insertCurrent.close();
        }
    }
}
