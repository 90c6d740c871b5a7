package io.liteshift.online;

import io.liteshift.sql.Identifiers;
import io.liteshift.sqlite.Databases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Empties a table the rebuild no longer needs (the old table after the swap, its indexes, or an abandoned shadow and
 * its key-ordered indexes) a chunk of rows per short transaction, and drops it once it is empty, with the state table
 * after the last one: DROP TABLE of a big table frees every page under one lock, a DELETE of a chunk only that chunk's.
 * The application does not use the table any more, so nothing but the lock time matters.
 * <p>
 * The old table's indexes are drained on their own, as WITHOUT ROWID tables (the swap relabels them, see
 * {@link CutOver}), in key order: deleting the old table's rows with its indexes attached would delete each row's index
 * entries at random places, one index page per row.
 */
final class Drain {
    private final String table;
    /** Deletes the next chunk: ?1 is the chunk's size less one. */
    private final String deleteChunk;
    /** For a WITHOUT ROWID table, deletes what is left once fewer rows than a chunk remain; null: the chunk's own does. */
    private final String deleteRest;

    private Drain(String table, String deleteChunk, String deleteRest) {
        this.table = table;
        this.deleteChunk = deleteChunk;
        this.deleteRest = deleteRest;
    }

    /**
     * How to empty {@code table}, read once from its definition (the rowid's name, or the key and its order), so that
     * the chunks themselves, under the lock, run only their DELETE. For a table that is gone already (a run stopped after
     * dropping it) the first chunk says so.
     */
    static Drain of(Connection c, String table) throws SQLException {
        String q = Identifiers.forceQuote(table);
        List<String> key = primaryKey(c, table);
        if (key.isEmpty()) {
            // a range up to the chunk's last rowid (or to the end): a range delete walks the b-tree, an IN list seeks every row
            String rowid = rowidOf(c, table);
            return new Drain(table, "DELETE FROM " + q + " WHERE " + rowid + " <= coalesce((SELECT " + rowid + " FROM " + q
                    + " ORDER BY " + rowid + " LIMIT 1 OFFSET ?1), 9223372036854775807)", null);
        }
        // the first entries in key order (a scan of a WITHOUT ROWID table follows its key; an ORDER BY could make SQLite
        // sort the whole table for a DESC column): a range when the key's order is the row values' (all ascending), else
        // an IN list. The rebuild's WITHOUT ROWID tables hold no NULL key, which neither would match ({@link OldIndex},
        // {@link SortedIndex}); the range finds no last entry once fewer than a chunk remain, and the rest goes at once
        String cols = String.join(", ", key);
        String chunk = ascending(c, table)
                ? "DELETE FROM " + q + " WHERE (" + cols + ") <= (SELECT " + cols + " FROM " + q + " LIMIT 1 OFFSET ?1)"
                : "DELETE FROM " + q + " WHERE (" + cols + ") IN (SELECT " + cols + " FROM " + q + " LIMIT ?1 + 1)";
        return new Drain(table, chunk, "DELETE FROM " + q);
    }

    String table() {
        return table;
    }

    /**
     * Deletes up to {@code rows} rows of the table, in the caller's transaction; when there were none left, drops the
     * table (and the state table, when it is the {@code last} to drain) instead and returns -1. Otherwise returns the
     * rows deleted.
     */
    long chunk(Connection c, long rows, boolean last) throws SQLException {
        if (!exists(c, table)) {
            if (last) Ledger.drop(c);
            return -1;
        }
        long n;
        try (PreparedStatement p = c.prepareStatement(deleteChunk)) {
            n = Sql.update(p, rows - 1);
        }
        if (n == 0 && deleteRest != null) {
            try (PreparedStatement p = c.prepareStatement(deleteRest)) {
                n = p.executeUpdate();
            }
        }
        if (n > 0) return n;
        Databases.exec(c, "DROP TABLE " + Identifiers.forceQuote(table));
        if (last) Ledger.drop(c);
        return -1;
    }

    /** The primary key columns of a WITHOUT ROWID table, quoted, in key order; empty for a table with a rowid. */
    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        String sql = Sql.text(c, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = " + Identifiers.literal(table));
        if (sql == null || !sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").endsWith("WITHOUT ROWID")) return List.of();
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(Identifiers.quote(rs.getString(1)));
            }
        }
        return out;
    }

    private static boolean ascending(Connection c, String table) throws SQLException {
        Long desc = Sql.one(c, "SELECT count(*) FROM pragma_index_xinfo((SELECT name FROM pragma_index_list(?1) WHERE origin = 'pk'))"
                + " WHERE key AND \"desc\"", table);
        return desc == null || desc == 0;
    }

    /** The tables whose names start with {@code prefix}, in name order (the rebuild's own, by their reserved prefix). */
    static List<String> named(Connection c, String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name FROM sqlite_schema WHERE type = 'table' AND substr(name, 1, ?2) = ?1"
                + " ORDER BY name")) {
            p.setString(1, prefix);
            p.setInt(2, prefix.length());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    static boolean exists(Connection c, String name) throws SQLException {
        Long n = Sql.one(c, "SELECT count(*) FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE", name);
        return n != null && n > 0;
    }

    /** A name for the rowid of {@code table} that none of its columns shadows. */
    private static String rowidOf(Connection c, String table) throws SQLException {
        for (String n : new String[] {"rowid", "_rowid_", "oid"}) {
            Long taken = Sql.one(c, "SELECT count(*) FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE", table, n);
            if (taken == null || taken == 0) return n;
        }
        return "rowid";
    }
}
