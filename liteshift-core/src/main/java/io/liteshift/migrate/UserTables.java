package io.liteshift.migrate;

import io.liteshift.inspect.Bookkeeping;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tables of a database are the user's: not {@link Bookkeeping} (SQLite's, liteshift's, another tool's). A
 * database "has tables" only when it has tables of the user's. (Inspection skips the same tables, so a schema read by
 * {@code Inspector} holds only the user's.)
 */
public final class UserTables {
    private UserTables() {
    }

    /** Whether {@code table} is one of the user's. */
    public static boolean isUsers(String table) {
        return !Bookkeeping.isBookkeeping(table);
    }

    /** The user's tables of {@code c}'s main database, in the order SQLite lists them. */
    public static List<String> of(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM main.sqlite_schema WHERE type = 'table'")) {
            while (rs.next()) {
                if (isUsers(rs.getString(1))) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** "users, posts and 3 more": a few names for a message. */
    static String named(List<String> tables) {
        List<String> shown = tables.stream().limit(3).map(Identifiers::quote).toList();
        return String.join(", ", shown) + (tables.size() > shown.size() ? " and " + (tables.size() - shown.size()) + " more" : "");
    }
}
