package io.liteshift.sql;

import java.sql.SQLException;

/** SQLite's error text without the driver's decoration. */
public final class SqliteErrors {
    private SqliteErrors() {
    }

    public static String message(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        m = m.replaceFirst("^\\[SQLITE_[A-Z_]+]\\s*", "");
        int paren = m.indexOf(" (");
        if (m.startsWith("SQL error or missing database (") || m.contains("constraint failed (")) {
            int open = m.indexOf('(');
            int close = m.lastIndexOf(')');
            if (open >= 0 && close > open) return m.substring(open + 1, close);
        }
        if (paren > 0 && m.endsWith(")")) {
            String inner = m.substring(paren + 2, m.length() - 1);
            if (!inner.isBlank()) return inner;
        }
        return m;
    }
}
