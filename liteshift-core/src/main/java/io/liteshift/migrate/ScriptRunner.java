package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.apply.Applier;
import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.sqlite.ForeignKeyCheck;
import io.liteshift.sqlite.Locks;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.SchemaVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one migration and records it in the journal, in one IMMEDIATE transaction: all of it or none of it.
 * Foreign key enforcement is set before the transaction (where SQLite honours it), and before commit every table
 * the migration mentions, and every table referencing one, must pass {@code foreign_key_check}.
 */
final class ScriptRunner {

    /** The outcome of one attempt. */
    enum Outcome { APPLIED, APPLIED_BY_ANOTHER_PROCESS }

    /** Thrown out of the transaction as is: already says file, line, cause and fix. */
    static class StepFailure extends LiteShiftException {
        StepFailure(Reason reason, String message, Throwable cause) {
            super(reason, message, cause);
        }
    }

    private ScriptRunner() {
    }

    /**
     * @param newerAppliedIsAnError whether to stop when another process applied a newer migration meanwhile
     *                              (out of order); checked under the lock, since the first look was without it
     */
    static Outcome run(Connection c, MigrationScript script, String dir, boolean newerAppliedIsAnError) throws SQLException {
        Migration m = script.migration();
        boolean ran = inTransaction(c, script, dir, new SqlScript.Bookkeeping() {
            @Override
            public boolean proceed(Connection c) throws SQLException {
                Journal.create(c);
                Journal.Probe now = Journal.probe(c, m.version());
                if (now.applied()) return false;
                int newest = now.newest();
                if (newerAppliedIsAnError && newest > m.version()) {
                    throw new StepFailure(LiteShiftException.Reason.REFUSED_HISTORY, dir + "/" + m.fileName()
                            + " is older than " + SchemaVersion.label(newest) + ", which another process applied meanwhile. Nothing"
                            + " more was applied. Renumber it to follow the newest migration, or apply it with " + Fix.setting(Fix.Setting.OUT_OF_ORDER) + ".", null);
                }
                return true;
            }

            @Override
            public void record(Connection c, Duration took) throws SQLException {
                Journal.record(c, m, took, "migrate");
            }
        });
        return ran ? Outcome.APPLIED : Outcome.APPLIED_BY_ANOTHER_PROCESS;
    }

    /**
     * The transaction every script runs in: foreign keys set before it, BEGIN IMMEDIATE, the bookkeeping's check
     * under the lock, the statements, the foreign key check, the bookkeeping's record, COMMIT; any failure rolls
     * all of it back.
     *
     * @return false when the bookkeeping found, under the lock, that the script must not run (nothing was changed)
     */
    static boolean inTransaction(Connection c, MigrationScript script, String dir, SqlScript.Bookkeeping books) throws SQLException {
        // renames must reach views, triggers and foreign keys: legacy_alter_table is OFF while it runs
        return Applier.withWritePragmas(c, script.foreignKeysOn(), conn -> {
            long t0 = System.nanoTime();
            begin(conn);
            try {
                if (!books.proceed(conn)) {
                    Databases.exec(conn, "ROLLBACK");
                    return false;
                }
                runStatements(conn, script, dir);
                books.record(conn, Duration.ofNanos(System.nanoTime() - t0));
                // the last moment a stop can undo it all; once COMMIT runs, the migration counts as applied
                if (Interruption.requested()) {
                    throw new Interrupted("", "it was rolled back just before its commit", null);
                }
                commit(conn, script, dir);
                return true;
            } catch (SQLException | RuntimeException e) {
                Databases.rollbackAfter(conn, e);
                throw e;
            }
        });
    }

    /** The script's statements, then the foreign key check of what it touched: inside a transaction the caller holds. */
    private static void runStatements(Connection c, MigrationScript script, String dir) throws SQLException {
        for (MigrationScript.Part p : script.parts()) runPart(c, p, script, dir);
        if (!script.endsWithForeignKeyCheck()) checkForeignKeys(c, script, dir); // a generated file ends with one
    }

    /** Told of each script of {@link #allInOneTransaction} once its statements and journal row are in. */
    @FunctionalInterface
    interface Ran {
        void accept(Migration m, Duration took);
    }

    /**
     * Every script in one IMMEDIATE transaction, each followed by its journal row as {@link #run} writes it, for a
     * database that holds nothing yet: either all of them are committed or none is. The scripts must share one
     * foreign key setting (it cannot change inside a transaction).
     *
     * @return false, with nothing changed, when under the lock the database turned out to hold something already
     *         (another process got there first): the caller migrates it one migration at a time instead
     * @throws StepFailure when a script fails: everything was rolled back
     */
    static boolean allInOneTransaction(Connection c, List<MigrationScript> scripts, String dir, Ran ran) throws SQLException {
        return Applier.withWritePragmas(c, scripts.get(0).foreignKeysOn(), conn -> {
            begin(conn);
            try {
                if (!strings(conn, "SELECT name FROM sqlite_schema LIMIT 1").isEmpty()) {
                    Databases.exec(conn, "ROLLBACK");
                    return false;
                }
                Journal.create(conn);
                for (MigrationScript script : scripts) {
                    long t0 = System.nanoTime();
                    runStatements(conn, script, dir);
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    Journal.record(conn, script.migration(), took, "migrate");
                    ran.accept(script.migration(), took);
                }
                // the last moment a stop can undo it all; once COMMIT runs, every migration counts as applied
                if (Interruption.requested()) {
                    throw new Interrupted("", "it was rolled back just before its commit", null);
                }
                commit(conn, scripts.get(scripts.size() - 1), dir);
                return true;
            } catch (SQLException | RuntimeException e) {
                Databases.rollbackAfter(conn, e);
                throw e;
            }
        });
    }

    private static void begin(Connection c) throws SQLException {
        try {
            Databases.exec(c, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (!Databases.isLocked(e)) throw e;
            throw lockTimeout(c, Locks.Wanted.WRITE, e);
        }
    }

    /** COMMIT; in rollback-journal mode it waits for every reader, and may give up after the lock timeout. */
    private static void commit(Connection c, MigrationScript script, String dir) throws SQLException {
        try {
            Databases.exec(c, "COMMIT");
        } catch (SQLException e) {
            if (DiskSpace.isFull(e)) throw diskFull(c, script, dir + "/" + script.migration().fileName(), "committing it", "", e);
            if (!Databases.isLocked(e)) throw e;
            throw new LockTimeout(Databases.keptLocked(Databases.lockTimeoutOf(c), Databases.fileOf(c).orElse(null), Locks.Wanted.COMMIT)
                    + ". The migration ran but could not commit, so it was rolled back entirely. Run migrate again when the"
                    + " readers are done, or wait longer (lock timeout: --lock-timeout, lock_timeout in liteshift.toml, or"
                    + " lockTimeout(...) in the Java API).", e);
        }
    }

    /** Waiting for the write lock (or, in rollback-journal mode, for a read) took longer than the lock timeout. */
    static LockTimeout lockTimeout(Connection c, Locks.Wanted wanted, SQLException e) {
        return new LockTimeout(Databases.keptLocked(Databases.lockTimeoutOf(c), Databases.fileOf(c).orElse(null), wanted)
                + ". Nothing was changed by this attempt. Run migrate again when it is done, or wait longer (lock timeout: "
                + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + ").", e);
    }

    /** The migration did not start: nothing about it is wrong, so the advice for a failed migration does not apply. */
    static final class LockTimeout extends StepFailure {
        LockTimeout(String message, Throwable cause) {
            super(Reason.FAILED, message, cause);
        }
    }

    static void runPart(Connection c, MigrationScript.Part p, MigrationScript script, String dir) throws SQLException {
        Migration m = script.migration();
        if (p.action() == MigrationScript.Action.CHECK_FOREIGN_KEYS) {
            // the file asks for the check here; it covers what the file touches, not unrelated tables' old orphans
            String table = MigrationScript.pragmaArgument(p.statement());
            checkForeignKeys(c, table != null ? List.of(table) : tablesAround(c, script), dir + "/" + m.fileName() + ":" + p.statement().line());
            return;
        }
        try {
            Databases.exec(c, p.statement().sql());
        } catch (SQLException e) {
            String at = dir + "/" + m.fileName() + ":" + p.statement().line();
            if (Interruption.isInterrupt(e)) {
                throw new Interrupted("", "stopped at " + at + "; everything it did was rolled back", e);
            }
            if (DiskSpace.isFull(e)) throw diskFull(c, script, at, "running this statement", "\n    " + SqlText.oneLine(p.statement().sql()), e);
            throw new StepFailure(LiteShiftException.Reason.FAILED, at + ": SQLite rejected this statement: " + SqliteErrors.message(e)
                    + "\n    " + SqlText.oneLine(p.statement().sql()), e);
        }
    }

    /**
     * The volume ran out of space: said as such, with the volume, what is free and what the migration needs, never as
     * SQLite's "database or disk is full" alone (the migration is not at fault).
     */
    private static StepFailure diskFull(Connection c, MigrationScript script, String at, String during, String sql, SQLException e) {
        Optional<Path> file = Databases.fileOf(c);
        if (file.isEmpty()) return new StepFailure(LiteShiftException.Reason.FAILED, at + ": disk full while " + during + sql, e);
        DiskSpace.Estimate need = null;
        try {
            need = DiskSpace.forScripts(c, Files.size(file.get()), List.of(script.migration().sql()));
        } catch (IOException | RuntimeException sizing) {
            e.addSuppressed(sizing); // the message goes without an estimate
        }
        return new StepFailure(LiteShiftException.Reason.FAILED, at + ": " + DiskSpace.full(file.get(), during, need) + "." + sql, e);
    }

    /** The foreign keys of every table the script mentions (and their children, when it can orphan them). */
    static void checkForeignKeys(Connection c, MigrationScript script, String dir) throws SQLException {
        checkForeignKeys(c, tablesAround(c, script), dir + "/" + script.migration().fileName());
    }

    private static void checkForeignKeys(Connection c, List<String> tables, String where) throws SQLException {
        Optional<String> orphans = ForeignKeyCheck.orphans(c, tables);
        if (orphans.isEmpty()) return;
        throw new StepFailure(LiteShiftException.Reason.REFUSED_DATA, where + ": after this migration, rows would break"
                + " foreign keys:\n" + orphans.get() + "\nDelete or fix those rows in the migration (or before it), or keep the"
                + " rows they reference.", null);
    }

    /**
     * The tables the migration mentions, and, when it can remove or change rows that others reference, every table
     * whose foreign keys reference one. Finding those children means asking every table for its foreign keys, so a
     * migration that only creates things, adds columns and inserts rows (most of them) skips it. A trigger on a
     * mentioned table may write to any table, so then every table is checked.
     */
    private static List<String> tablesAround(Connection c, MigrationScript script) throws SQLException {
        String names = script.mentioned().stream().map(n -> "'" + n.replace("'", "''") + "'").reduce((a, b) -> a + "," + b).orElse("''");
        String tables = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        // a trigger on a mentioned table can write anywhere its body says: check every table then
        boolean triggered = !strings(c, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND lower(tbl_name) IN (" + names + ") LIMIT 1").isEmpty();
        if (triggered) return strings(c, tables);
        String sql = tables + " AND (lower(name) IN (" + names + ")" + (script.mayOrphanChildren()
                ? " OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(name) WHERE lower(\"table\") IN (" + names + "))" : "") + ")";
        return strings(c, sql);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

}
