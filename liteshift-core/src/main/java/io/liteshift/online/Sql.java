package io.liteshift.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-value queries and statements with long parameters, the few shapes the rebuild needs. */
final class Sql {
    private Sql() {
    }

    /** The first column of the first row as a long, or null when there is no row or it is NULL. */
    static Long one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return null;
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static int update(PreparedStatement p, Object... args) throws SQLException {
        bind(p, args);
        return p.executeUpdate();
    }

    static Long one(PreparedStatement p, Object... args) throws SQLException {
        bind(p, args);
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) return null;
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
    }
}
