package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.apply.Applier;
import io.liteshift.inspect.Inspector;
import io.liteshift.online.OnlineOptions;
import io.liteshift.online.OnlineRebuild;
import io.liteshift.online.OnlineResult;
import io.liteshift.online.Recovery;
import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Identifiers;
import io.liteshift.sqlite.Databases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a plan with its table rebuilds online ({@link OnlineRebuild}), for {@code push --online} and for a migration
 * marked online ({@link OnlineScript}): each rebuilt table, one after the other, is copied in short chunks while the
 * application writes and swapped in its own brief transaction; then the rest of
 * the plan (renames, new tables, indexes and views elsewhere), planned again against the database as it is by then,
 * runs in one write transaction together with the caller's {@link Finish} (a migration's journal row), checked as
 * {@link Applier#runPlan} checks. So it is not one transaction: a run stopped after a table's swap leaves that table
 * at its declared form and the rest undone, and the next run, planning from there, does only the rest. Planning again
 * at every step is what makes it resumable.
 */
public final class OnlineApplier {
    private OnlineApplier() {
    }

    /** The plan from the database's schema as it is now, with the hints it has not been through. */
    @FunctionalInterface
    public interface Planning {
        Plan from(Connection c, Schema current) throws SQLException;
    }

    /** What the last transaction does besides the rest of the plan, before COMMIT. */
    @FunctionalInterface
    public interface Finish {
        void run(Connection c) throws SQLException;
    }

    /**
     * Brings {@code file} ({@code conn} is a connection to it, outside a transaction) to {@code declared}.
     *
     * @throws io.liteshift.online.OnlineRefusal as {@link OnlineRebuild#run()}: the table being rebuilt is as it was
     * @throws LiteShiftException                when the last transaction fails: it is rolled back
     */
    public static OnlineOutcome apply(Path file, Connection conn, Schema declared, Planning planning, OnlineOptions options, Finish finish)
            throws SQLException {
        List<Recovery> recovered = new ArrayList<>();
        List<OnlineResult> rebuilt = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Plan plan = planning.from(conn, Inspector.inspect(conn));
        // a leftover of another change would keep capturing the application's writes: finish or remove it first
        Optional<String> pending = OnlineRebuild.pending(file);
        if (pending.isPresent() && plan.rebuilds().stream().noneMatch(m -> Identifiers.same(m.from().name(), pending.get()))) {
            recovered.add(OnlineRebuild.recover(file, options));
        }
        while (true) {
            Schema current = Inspector.inspect(conn);
            plan = planning.from(conn, current);
            if (plan.rebuilds().isEmpty()) break;
            TableMapping next = plan.rebuilds().get(0);
            if (!done.add(Identifiers.fold(next.from().name()))) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, "the online rebuild of " + next.from().name()
                        + " finished, but the table still differs from its declared form. This is a liteshift bug; the table is"
                        + " complete and in use. Please report it with the schema.");
            }
            rebuilt.add(OnlineRebuild.of(file, current, declared, next, options).run());
        }
        Plan rest = Applier.inWriteTransaction(conn, c -> {
            // under the write lock: a schema change made meanwhile by another process is planned for, not overwritten
            Plan now = planning.from(c, Inspector.inspect(c));
            if (!now.rebuilds().isEmpty()) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, "another process changed "
                        + now.rebuilds().get(0).from().name() + " while it was rebuilt online; nothing of the rest was applied."
                        + " Run again: it plans from the database as it is.");
            }
            if (!now.isEmpty()) Applier.runPlan(c, now, declared);
            finish.run(c);
            return now;
        });
        return new OnlineOutcome(rebuilt, recovered, rest);
    }

    /**
     * Finishes or removes what an interrupted online rebuild left in {@code file}, before a change that runs in one
     * transaction (whose rebuild would otherwise leave the capture's triggers and change log behind).
     *
     * @return what it found: {@link Recovery.Nothing} when nothing was left
     */
    public static Recovery recoverBeforeOffline(Path file) {
        // a file that holds no database yet (a new or 0-byte one) has no rebuild left in it, and opening it would refuse it
        if (file == null || !Databases.holdsDatabase(file) || OnlineRebuild.pending(file).isEmpty()) return new Recovery.Nothing();
        return OnlineRebuild.recover(file);
    }
}
