package io.liteshift;

import io.liteshift.testing.TestDb;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The ways a database file gets damaged, done to a real file: a page of a table or index with flipped bytes (found
 * without dbstat: the object's root page number from sqlite_schema and the page size), a file cut short, and a file
 * that is no database at all.
 */
enum DamagedFile {
    /** The root page of table {@code users}: its cell pointers point nowhere. */
    TABLE_PAGE,
    /** The root page of index {@code users_email}. */
    INDEX_PAGE,
    /** The root page of the journal, which {@code status} reads. */
    JOURNAL_PAGE,
    /** Half of the pages gone, as after a copy that stopped. */
    TRUNCATED,
    /** Text where the database was (a wrong path, a dump). */
    NOT_A_DATABASE;

    /** Whether SQLite still opens the file (so a restore can lock it without --force). */
    boolean opens() {
        return this != TRUNCATED && this != NOT_A_DATABASE;
    }

    /** Damages {@code db} this way. */
    void applyTo(Path db) throws IOException, SQLException {
        switch (this) {
            case TABLE_PAGE -> flip(db, rootPage(db, "users"));
            case INDEX_PAGE -> flip(db, rootPage(db, "users_email"));
            case JOURNAL_PAGE -> flip(db, rootPage(db, "liteshift_migrations"));
            case TRUNCATED -> {
                long pageSize = pragma(db, "page_size");
                try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
                    f.setLength(f.length() / pageSize / 2 * pageSize);
                }
            }
            case NOT_A_DATABASE -> Files.writeString(db, "-- a dump, not a database\nCREATE TABLE users (id INTEGER);\n".repeat(50),
                    StandardCharsets.UTF_8);
        }
    }

    /** Inverts the first 64 bytes of the page: its b-tree header and cell pointers (page 1 has the file header first). */
    private static void flip(Path db, long page) throws IOException, SQLException {
        long pageSize = pragma(db, "page_size");
        long offset = (page - 1) * pageSize + (page == 1 ? 100 : 0);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] bytes = new byte[64];
            f.seek(offset);
            f.readFully(bytes);
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) ~bytes[i];
            f.seek(offset);
            f.write(bytes);
        }
    }

    private static long rootPage(Path db, String name) throws SQLException {
        return TestDb.queryLong(db, "SELECT rootpage FROM sqlite_schema WHERE name = '" + name + "'");
    }

    private static long pragma(Path db, String name) throws SQLException {
        return TestDb.queryLong(db, "PRAGMA " + name);
    }
}
