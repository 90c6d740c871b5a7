package io.liteshift.apply;

import io.liteshift.LiteShiftException;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens database files the way liteshift needs them: never created by accident, waiting politely for locks. */
public final class Databases {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private Databases() {
    }

    public static Connection open(Path file, boolean create, boolean readOnly) {
        if (Files.isDirectory(file)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the database path " + file.toAbsolutePath() + " is a directory, not a SQLite file. Point --db or DATABASE_URL at the file.");
        }
        if (!Files.exists(file) && !create) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the database " + file.toAbsolutePath() + " does not exist. liteshift does not create it silently: a wrong"
                            + " path would give an empty database and \"no such table\" errors later. Check --db / DATABASE_URL,"
                            + " or pass --create to start a new database there.");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.exists(file) && parent != null && !Files.isDirectory(parent)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "cannot create the database " + file.toAbsolutePath() + ": the directory " + parent
                            + " does not exist. Create it (or mount the volume) first, or fix --db / DATABASE_URL.");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setReadOnly(readOnly);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file);
            try (var s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_schema").close(); // fails here on a file that is not a database
            }
            return c;
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "cannot open the database " + file.toAbsolutePath() + ": " + io.liteshift.sql.SqliteErrors.message(e)
                            + ". Check that it is a SQLite database file and that it is readable.", e);
        }
    }
}
