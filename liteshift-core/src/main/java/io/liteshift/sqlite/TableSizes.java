package io.liteshift.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/** How many bytes a table takes on disk, with its indexes: what rebuilding it copies and needs free. */
public final class TableSizes {
    private TableSizes() {
    }

    /**
     * From the {@code dbstat} virtual table (the bundled SQLite has it); 0 for a table that does not exist yet; empty
     * when this SQLite lacks {@code dbstat}, so the caller picks its own bound.
     */
    public static OptionalLong bytes(Connection db, String table) {
        String sql = "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE aggregate = 1 AND name IN"
                + " (SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND tbl_name = ? COLLATE NOCASE)";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return OptionalLong.of(rs.next() ? rs.getLong(1) : 0);
            }
        } catch (SQLException noDbstat) {
            return OptionalLong.empty();
        }
    }
}
