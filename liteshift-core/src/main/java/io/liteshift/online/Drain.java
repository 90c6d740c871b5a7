package io.liteshift.online;

import io.liteshift.sql.Identifiers;
import io.liteshift.sqlite.Databases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Empties a table the rebuild no longer needs (the old table after the swap, or an abandoned shadow) a chunk of rows
 * per short transaction, and drops it once it is empty, with the state table: DROP TABLE of a big table frees every
 * page under one lock, a DELETE of a chunk only that chunk's. The application does not use the table any more, so
 * nothing but the lock time matters.
 */
final class Drain {
    private Drain() {
    }

    /**
     * Deletes up to {@code rows} rows of {@code table}, in the caller's transaction; when there were none left, drops
     * the table and the state table instead and returns -1. Otherwise returns the rows deleted.
     */
    static long chunk(Connection c, String table, String rowid, long rows) throws SQLException {
        String q = Identifiers.forceQuote(table);
        if (!exists(c, table)) {
            Ledger.drop(c);
            return -1;
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + q + " WHERE " + rowid + " IN (SELECT " + rowid + " FROM " + q
                + " ORDER BY " + rowid + " LIMIT ?1)")) {
            int n = Sql.update(p, rows);
            if (n > 0) return n;
        }
        Databases.exec(c, "DROP TABLE " + q);
        Ledger.drop(c);
        return -1;
    }

    static boolean exists(Connection c, String name) throws SQLException {
        Long n = Sql.one(c, "SELECT count(*) FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE", name);
        return n != null && n > 0;
    }

    /** A name for the rowid of {@code table} that none of its columns shadows. */
    static String rowidOf(Connection c, String table) throws SQLException {
        for (String n : new String[] {"rowid", "_rowid_", "oid"}) {
            Long taken = Sql.one(c, "SELECT count(*) FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE", table, n);
            if (taken == null || taken == 0) return n;
        }
        return "rowid";
    }
}
