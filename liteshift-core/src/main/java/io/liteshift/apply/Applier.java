package io.liteshift.apply;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Step;
import io.liteshift.schema.Schema;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.ForeignKeyCheck;
import io.liteshift.sqlite.Locks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import io.liteshift.sql.Identifiers;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a plan all or nothing: foreign key enforcement off before the transaction (inside one SQLite ignores the
 * pragma), every step in one IMMEDIATE transaction, then {@code PRAGMA foreign_key_check} and a re-inspection that
 * must equal the declared schema before COMMIT. Any failure rolls everything back; the previous foreign key
 * setting is restored in every case.
 */
public final class Applier {
    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

    private Applier() {
    }

    /** Work done inside the write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    /** Applies {@code plan} on its own: one transaction, checked, all or nothing. */
    public static void apply(Connection conn, Plan plan, Schema expected) {
        if (plan.isEmpty()) return;
        inWriteTransaction(conn, c -> {
            runPlan(c, plan, expected);
            return null;
        });
    }

    /**
     * Runs {@code work} in one IMMEDIATE transaction (the write lock is held from the start, so what the work
     * reads cannot change under it) with foreign key enforcement off; commits when it returns, rolls back when it
     * throws. The previous pragma settings are restored either way.
     */
    public static <T> T inWriteTransaction(Connection conn, Work<T> work) {
        try {
            conn.setAutoCommit(true); // liteshift says BEGIN and COMMIT itself: the driver's own would hide a failed BEGIN
            return withWritePragmas(conn, false, c -> {
                begin(c);
                try {
                    T result = work.run(c);
                    commit(c);
                    return result;
                } catch (RuntimeException | SQLException e) {
                    Databases.rollbackAfter(c, e);
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                    "applying the plan failed: " + SqliteErrors.message(e) + ". Nothing was changed.", e);
        }
    }

    /** BEGIN IMMEDIATE: the write lock, waited for up to the connection's lock timeout. */
    private static void begin(Connection c) throws SQLException {
        try {
            Databases.exec(c, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (!Databases.isLocked(e)) throw e;
            throw locked(c, Locks.Wanted.WRITE, "Nothing was changed. Run again when it is done", e);
        }
    }

    /** COMMIT, which in rollback-journal mode waits (up to the lock timeout) for every reader to finish. */
    private static void commit(Connection c) throws SQLException {
        try {
            Databases.exec(c, "COMMIT");
        } catch (SQLException e) {
            if (!Databases.isLocked(e)) throw e;
            throw locked(c, Locks.Wanted.COMMIT, "The change was made but could not commit, so it was rolled back; nothing was"
                    + " changed. Run again when the readers are done", e);
        }
    }

    private static LiteShiftException locked(Connection c, Locks.Wanted wanted, String then, SQLException e) {
        return new LiteShiftException(LiteShiftException.Reason.FAILED, Databases.keptLocked(Databases.lockTimeoutOf(c),
                Databases.fileOf(c).orElse(null), wanted) + ". " + then + ", or wait longer (--lock-timeout, or lock_timeout under"
                + " [migrate] in liteshift.toml).", e);
    }

    /**
     * Runs {@code work} (which opens and ends its own transaction) with {@code foreign_keys} set as asked and
     * {@code legacy_alter_table} OFF, both set before any transaction (inside one SQLite silently ignores
     * {@code foreign_keys}); the previous settings are restored afterwards, whether it returns or throws. Call it
     * with the connection outside a transaction (auto-commit).
     */
    public static <T> T withWritePragmas(Connection conn, boolean foreignKeys, Work<T> work) throws SQLException {
        boolean foreignKeysWereOn = Databases.pragmaOn(conn, "foreign_keys");
        boolean legacyAlterWasOn = Databases.pragmaOn(conn, "legacy_alter_table");
        Databases.exec(conn, "PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
        // RENAME must carry names into foreign keys, views and triggers: the modern behaviour, whatever the caller set
        Databases.exec(conn, "PRAGMA legacy_alter_table = OFF");
        T result;
        try {
            result = work.run(conn);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                restorePragmas(conn, foreignKeys, foreignKeysWereOn, legacyAlterWasOn);
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup); // the work's failure is the news, not the clean-up's
            }
            throw e;
        }
        restorePragmas(conn, foreignKeys, foreignKeysWereOn, legacyAlterWasOn);
        return result;
    }

    private static void restorePragmas(Connection conn, boolean foreignKeys, boolean foreignKeysWereOn, boolean legacyAlterWasOn)
            throws SQLException {
        if (foreignKeysWereOn != foreignKeys) Databases.exec(conn, "PRAGMA foreign_keys = " + (foreignKeysWereOn ? "ON" : "OFF"));
        if (legacyAlterWasOn) Databases.exec(conn, "PRAGMA legacy_alter_table = ON");
    }

    /**
     * The plan's steps, then the checks that must pass before COMMIT: no broken foreign key, and the database
     * inspects exactly as declared. Call inside {@link #inWriteTransaction}.
     */
    public static void runPlan(Connection conn, Plan plan, Schema expected) throws SQLException {
        runSteps(conn, plan);
        checkForeignKeys(conn, tablesToCheck(plan, expected));
        checkReached(conn, expected);
    }

    private static void runSteps(Connection conn, Plan plan) {
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long t0 = System.nanoTime();
            try {
                Databases.exec(conn, step.sql());
            } catch (SQLException e) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                        "step " + (i + 1) + " of " + steps.size() + " failed" + (step.comment().isEmpty() ? "" : " (" + firstLine(step.comment()) + ")")
                                + ": " + SqliteErrors.message(e) + "\n    " + SqlText.oneLine(step.sql())
                                + "\nEverything was rolled back; the database is as it was.", e);
            }
            LOG.debug("step {} took {} ms: {}", i + 1, (System.nanoTime() - t0) / 1_000_000, firstLine(step.comment()));
        }
    }

    /** The tables whose foreign keys the plan can break: the ones it creates, alters or drops, and their children. */
    static List<String> tablesToCheck(Plan plan, Schema expected) {
        Set<String> touched = new HashSet<>();
        for (Change c : plan.changes()) {
            if (c instanceof Change.CreateTable t) touched.add(Identifiers.fold(t.table().name()));
            if (c instanceof Change.DropTable t) touched.add(Identifiers.fold(t.table().name()));
            if (c instanceof Change.AlterTable t) {
                touched.add(Identifiers.fold(t.to().name()));
                touched.add(Identifiers.fold(t.from().name()));
            }
        }
        return ForeignKeyCheck.tablesAround(expected, touched);
    }

    private static void checkForeignKeys(Connection conn, List<String> tables) throws SQLException {
        Optional<String> orphans = ForeignKeyCheck.orphans(conn, tables);
        if (orphans.isEmpty()) return;
        throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DATA,
                "the change would leave rows whose foreign keys point nowhere:\n" + orphans.get()
                        + "\nEverything was rolled back. Delete or fix those rows, or keep the parent rows, then push again.");
    }

    /** The last line of defence: the database must now inspect exactly as declared, or nothing is committed. */
    private static void checkReached(Connection conn, Schema expected) throws SQLException {
        List<Change> left = Differ.diff(Inspector.inspect(conn), expected);
        if (!left.isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                    "after the plan ran, the database still differs from the declared schema ("
                            + left.stream().map(Change::describe).collect(Collectors.joining("; "))
                            + "). This is a liteshift bug; everything was rolled back. Please report it with the schema.");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
