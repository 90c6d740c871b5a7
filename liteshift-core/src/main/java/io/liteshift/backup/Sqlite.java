package io.liteshift.backup;

import io.liteshift.LiteShiftException;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.Databases;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.jdbc4.JDBC4Connection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The SQLite calls backups need beyond {@link io.liteshift.sqlite.Databases}. */
final class Sqlite {
    private static final long MMAP_BYTES = 1L << 32;

    private Sqlite() {
    }

    /**
     * Opens a backup file to read it without touching it: {@code immutable=1} takes no locks and never opens a
     * {@code -wal} or {@code -shm}, so checking a backup creates no side files next to it and cannot change a byte.
     */
    static Connection openImmutable(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        String uri = "file:" + file.toAbsolutePath().toUri().getRawPath() + "?immutable=1";
        Connection c = new JDBC4Connection("jdbc:sqlite:" + uri, uri, config.toProperties());
        try (Statement s = c.createStatement()) {
            Databases.interruptible(c, Duration.ZERO); // a check of a large file can take minutes
            // integrity_check visits every page, index pages many times: a page cache of 64 MiB and reads through mmap
            // make it several times faster on a large file than SQLite's 2 MiB default cache
            s.execute("PRAGMA cache_size = -65536");
            s.execute("PRAGMA mmap_size = " + MMAP_BYTES);
        }
        return c;
    }

    /** A PRAGMA that returns one number, such as {@code page_size}. */
    static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The text of the first column of the first row {@code sql} returns, such as {@code PRAGMA journal_mode}; "" when none. */
    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** The newest applied migration in {@code liteshift_migrations}, 0 when there is none (or no journal). */
    static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'liteshift_migrations'")) {
                if (!rs.next() || rs.getInt(1) == 0) return 0;
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM liteshift_migrations")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** A result code of a call that returns one, as the SQLException SQLite's message would have been. */
    static SQLException resultCode(int rc, String who) {
        SQLiteErrorCode code = SQLiteErrorCode.getErrorCode(rc);
        return new SQLiteException(who + " failed: " + code.message, code);
    }

    static LiteShiftException failed(String what, Exception e) {
        String m = e instanceof SQLException se ? SqliteErrors.message(se) : String.valueOf(e.getMessage());
        return new LiteShiftException(LiteShiftException.Reason.FAILED, what + ": " + m, e);
    }
}
