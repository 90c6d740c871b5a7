package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.apply.Applier;
import io.liteshift.apply.Databases;
import io.liteshift.apply.ForeignKeyCheck;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.SqliteErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
                            + " is older than " + Migration.label(newest) + ", which another process applied meanwhile. Nothing"
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
                for (MigrationScript.Part p : script.parts()) runPart(conn, p, script, dir);
                if (!script.endsWithForeignKeyCheck()) checkForeignKeys(conn, script, dir); // a generated file ends with one
                books.record(conn, Duration.ofNanos(System.nanoTime() - t0));
                Databases.exec(conn, "COMMIT");
                return true;
            } catch (SQLException | RuntimeException e) {
                rollback(conn);
                throw e;
            }
        });
    }

    private static void begin(Connection c) throws SQLException {
        try {
            Databases.exec(c, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (!Databases.isLocked(e)) throw e;
            throw lockTimeout(c, e);
        }
    }

    /** Waiting for the write lock (or, in rollback-journal mode, for a read) took longer than the lock timeout. */
    static LockTimeout lockTimeout(Connection c, SQLException e) {
        return new LockTimeout(Databases.keptLocked(Duration.ofMillis(busyTimeoutMs(c))) + ". Nothing was changed by this attempt."
                + " Run migrate again when it is done, or wait longer (lock timeout: " + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + ").", e);
    }

    /** The migration did not start: nothing about it is wrong, so the advice for a failed migration does not apply. */
    static final class LockTimeout extends StepFailure {
        LockTimeout(String message, Throwable cause) {
            super(Reason.FAILED, message, cause);
        }
    }

    private static void runPart(Connection c, MigrationScript.Part p, MigrationScript script, String dir) throws SQLException {
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
            throw new StepFailure(LiteShiftException.Reason.FAILED, dir + "/" + m.fileName() + ":" + p.statement().line()
                    + ": SQLite rejected this statement: " + SqliteErrors.message(e) + "\n    " + SqlText.oneLine(p.statement().sql()), e);
        }
    }

    private static void checkForeignKeys(Connection c, MigrationScript script, String dir) throws SQLException {
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

    private static long busyTimeoutMs(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void rollback(Connection c) {
        try {
            if (!c.getAutoCommit()) c.rollback();
            else Databases.exec(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open (BEGIN itself failed): nothing to undo
        }
    }
}
