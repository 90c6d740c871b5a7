package io.liteshift.migrate;

import io.liteshift.schema.Schema;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tables of a database are the user's: not SQLite's, not liteshift's own bookkeeping, and not another tool's
 * (drizzle-kit's and Flyway's migration journals, Litestream's tables). A database "has tables" only when it has
 * tables of the user's.
 */
public final class UserTables {
    private static final Pattern NOT_THE_USERS = Pattern.compile(
            "^(sqlite_.*|liteshift_.*|_liteshift.*|_litestream_.*|__drizzle_migrations|flyway_schema_history)$", Pattern.CASE_INSENSITIVE);

    private UserTables() {
    }

    /** Whether {@code table} is one of the user's. */
    public static boolean isUsers(String table) {
        return !NOT_THE_USERS.matcher(table).matches();
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

    /** {@code schema} without other tools' tables, nor their indexes and triggers. */
    public static Schema only(Schema schema) {
        return new Schema(schema.tables().stream().filter(t -> isUsers(t.name())).toList(),
                schema.indexes().stream().filter(i -> isUsers(i.table())).toList(), schema.views(),
                schema.triggers().stream().filter(t -> isUsers(t.table())).toList(),
                schema.virtualTables().stream().filter(v -> isUsers(v.name())).toList());
    }

    /** "users, posts and 3 more": a few names for a message. */
    static String named(List<String> tables) {
        List<String> shown = tables.stream().limit(3).map(Identifiers::quote).toList();
        return String.join(", ", shown) + (tables.size() > shown.size() ? " and " + (tables.size() - shown.size()) + " more" : "");
    }
}
