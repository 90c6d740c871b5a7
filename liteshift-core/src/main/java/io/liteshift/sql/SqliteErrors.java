package io.liteshift.sql;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.util.Optional;

/** SQLite's error text without the driver's decoration, and what an error says about the file. */
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

    /** How SQLite says a file is damaged. */
    public enum Damage {
        /** SQLITE_CORRUPT, in any extended form: "database disk image is malformed". */
        CORRUPT,
        /** SQLITE_NOTADB: "file is not a database", a file without SQLite's header, or with a damaged one. */
        NOT_A_DATABASE
    }

    /**
     * The one place that decides whether a failure means the database file is damaged: SQLITE_CORRUPT or
     * SQLITE_NOTADB anywhere in {@code e}'s chain of causes (liteshift's own exceptions keep SQLite's as a cause).
     */
    public static Optional<Damage> damage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                Optional<Damage> d = damageOf(s);
                if (d.isPresent()) return d;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code e} is SQLite saying the file is damaged: see {@link #damage(Throwable)}. */
    public static boolean isDamage(Throwable e) {
        return damage(e).isPresent();
    }

    /** SQLite's (extended) result code of {@code e}. */
    public static int code(SQLException e) {
        return e instanceof SQLiteException s && s.getResultCode() != null ? s.getResultCode().code : e.getErrorCode();
    }

    private static Optional<Damage> damageOf(SQLException e) {
        int primary = code(e) & 0xff;
        String m = String.valueOf(e.getMessage());
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || m.contains("database disk image is malformed")) {
            return Optional.of(Damage.CORRUPT);
        }
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || m.contains("file is not a database")) {
            return Optional.of(Damage.NOT_A_DATABASE);
        }
        return Optional.empty();
    }
}
