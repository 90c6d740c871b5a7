package io.liteshift.online;

import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.Databases;
import org.sqlite.SQLiteErrorCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the row behind a constraint failure of a set-based copy, by copying the same rows one at a time inside a
 * transaction that is rolled back, and words the refusal. Only a failure pays for the per-row work.
 */
final class Violations {
    private Violations() {
    }

    /** A row of the table and the constraint it breaks in the shadow. */
    record Found(long rowid, String constraint) {
    }

    static boolean isConstraint(SQLException e) {
        return (SqliteErrors.code(e) & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
    }

    /**
     * The first of {@code rowids} (rows of the table, their shadow rows already deleted by the caller when they had
     * any) whose copy fails, with SQLite's message; inside the caller's transaction, which the caller rolls back.
     */
    static Found first(Connection c, Target t, List<Long> rowids) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(t.copyRowsSql("?1"))) {
            for (long rid : rowids) {
                Databases.exec(c, "SAVEPOINT liteshift_row");
                try {
                    Sql.update(p, rid);
                    Databases.exec(c, "RELEASE liteshift_row");
                } catch (SQLException e) {
                    Databases.exec(c, "ROLLBACK TO liteshift_row");
                    Databases.exec(c, "RELEASE liteshift_row");
                    if (isConstraint(e)) return new Found(rid, SqliteErrors.message(e).replace(t.shadow(), t.table()));
                    throw e;
                }
            }
        }
        return null;
    }

    static List<Long> rowids(Connection c, String sql, Object... args) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** "rowid 42 (id = 42)": the row's rowid, and its primary key when it has one of its own. */
    static String key(Connection c, Target t, long rowid) {
        List<String> cols = t.from().keyColumns();
        if (cols.equals(List.of("rowid"))) return "rowid " + rowid;
        String select = cols.stream().map(k -> "quote(" + Identifiers.quote(k) + ")").collect(Collectors.joining(" || ', ' || "));
        try (PreparedStatement p = c.prepareStatement("SELECT " + select + " FROM " + t.tableQ() + " WHERE " + t.rowid() + " = ?1")) {
            p.setLong(1, rowid);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) return "rowid " + rowid + " (" + String.join(", ", cols) + " = " + rs.getString(1) + ")";
            }
        } catch (SQLException e) {
            // the rowid alone still names the row
        }
        return "rowid " + rowid;
    }

    static OnlineRefusal refusal(Target t, String key, Found f, String removed) {
        return new OnlineRefusal(OnlineRefusal.Kind.VIOLATION, t.table(), f.rowid(), f.constraint(),
                "refused: the online rebuild of " + t.table() + " stopped because the row with " + key + " breaks the declared"
                        + " schema: " + f.constraint() + ". The row was there before, or the application wrote it while the"
                        + " rebuild ran. " + removed + " Fix that row (or the declared schema), then run the change again.", null);
    }

    static OnlineRefusal foreignKeys(Target t, String lines, String removed) {
        return new OnlineRefusal(OnlineRefusal.Kind.VIOLATION, t.table(), null, "FOREIGN KEY",
                "refused: the online rebuild of " + t.table() + " would leave rows whose foreign keys point nowhere:\n" + lines
                        + "\n" + removed + " Delete or fix those rows, or keep the parent rows, then run the change again.", null);
    }
}
