package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Linter;
import io.liteshift.sqlite.Databases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * {@code liteshift lint} of a migrations directory: which migrations are linted (the pending ones, with a database;
 * else every one from a version on), replayed on an in-memory database for what each changes ({@link MigrationEffects}),
 * then judged by {@link Linter}. Also what {@code migrate} runs before applying ({@link #requireNoErrors}).
 */
public final class MigrationLint {

    private MigrationLint() {
    }

    /**
     * Lints against a database file, opened read-only (never written).
     *
     * @param database the database file, or null to lint without rows: every migration from {@code from} on
     * @param from     the first version to lint (0 or 1: all); with a database, only pending migrations are linted
     */
    public static LintReport lint(MigrationDirectory dir, Path database, int from) {
        return lint(dir, database, from, Databases.DEFAULT_LOCK_TIMEOUT);
    }

    /** As {@link #lint(MigrationDirectory, Path, int)}, waiting up to {@code lockTimeout} for another process's lock. */
    public static LintReport lint(MigrationDirectory dir, Path database, int from, Duration lockTimeout) {
        if (database == null) return lint(dir, null, null, from);
        try (Connection c = Databases.open(database, false, true, lockTimeout)) {
            // connection settings only, nothing is written: the counts group and sort whole tables, in memory
            Databases.exec(c, "PRAGMA temp_store = MEMORY");
            Databases.exec(c, "PRAGMA cache_size = -65536");
            Databases.exec(c, "PRAGMA threads = 2");
            return lint(dir, c, database, from);
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "could not read " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lints against an open connection (only read from; a TEMP table may be made to try STRICT types).
     *
     * @param db   the database, or null for none
     * @param file its file, for the free disk space a rebuild needs; may be null
     */
    public static LintReport lint(MigrationDirectory dir, Connection db, Path file, int from) {
        try {
            List<Migration> chosen = db != null ? new Migrator(dir, true).history(db).pending() : dir.migrations();
            return lint(dir, chosen.stream().filter(m -> m.version() >= from).toList(), db, file);
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "lint could not read the database: " + e.getMessage(), e);
        }
    }

    /**
     * What {@code migrate} runs first: lints the migrations it would apply to {@code database} (every one when the file
     * does not exist yet) and refuses, with exit reason REFUSED_DATA, when an error is found.
     *
     * @return the report, which has no errors (its warnings are for the caller to print)
     * @throws LiteShiftException REFUSED_DATA listing the errors; nothing was written
     */
    public static LintReport requireNoErrors(MigrationDirectory dir, Path database) {
        return Linter.requireNoErrors(lint(dir, database != null && Files.exists(database) ? database : null, 0));
    }

    /** {@link #requireNoErrors(MigrationDirectory, Path)} on an open connection (a {@code DataSource}'s); only read. */
    public static LintReport requireNoErrors(MigrationDirectory dir, Connection db) {
        return Linter.requireNoErrors(lint(dir, db, null, 0));
    }

    /**
     * {@link #requireNoErrors(MigrationDirectory, Connection)} for a caller that has read the history already
     * (migrate, before applying): lints {@code pending}, the migrations of {@code dir} it is about to apply, also
     * checking that the volume of {@code file} (may be null: not checked) has room for the rebuilds.
     */
    public static LintReport requireNoErrors(MigrationDirectory dir, Connection db, Path file, List<Migration> pending) {
        return Linter.requireNoErrors(lint(dir, pending, db, file));
    }

    /** Lints {@code chosen}, migrations of {@code dir} in order, against {@code db} (or none). */
    private static LintReport lint(MigrationDirectory dir, List<Migration> chosen, Connection db, Path file) {
        List<Linter.Replayed> replayed = MigrationEffects.of(dir, chosen).stream()
                .map(e -> new Linter.Replayed(e.migration().fileName(), e.migration().sql(), e.before(), e.after(), e.changes(), e.failure(),
                        online(e.migration())))
                .toList();
        return Linter.lint(chosen.stream().map(Migration::fileName).toList(), replayed, db, file,
                db == null ? null : file == null ? "database" : file.toString());
    }

    /** Whether the migration's rebuilds run online; a misplaced marker is migrate's to refuse, at its line. */
    private static boolean online(Migration m) {
        try {
            return OnlineDirective.in(m);
        } catch (io.liteshift.LiteShiftException misplaced) {
            return false;
        }
    }
}
