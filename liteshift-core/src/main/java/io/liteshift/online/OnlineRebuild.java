package io.liteshift.online;

import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Schema;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The rebuild of one table while the application keeps using it: the online form of the offline rebuild that
 * {@link io.liteshift.plan.Planner} plans for {@code mapping}. When it returns, the table has the declared definition,
 * its declared indexes and triggers, the views that read it, the same rows and rowids and AUTOINCREMENT counter as the
 * offline rebuild of the table's final contents would give. The application's writers wait at most about
 * {@link OnlineOptions#maxLock()} at a time, readers never (WAL).
 * <p>
 * Only the table is rebuilt: the rest of a plan (other tables, new views, renames) is planned again and applied as
 * usual afterwards, when it is quick. A stopped or killed run leaves the table complete and in use; the next
 * {@link #run()} (or {@link #recover(Path)}) resumes it from its checkpoint or removes what it left, and says which.
 *
 * <pre>{@code
 * OnlineResult r = OnlineRebuild.of(db, current, declared, plan.rebuilds().get(0),
 *         OnlineOptions.defaults().withProgress(p -> System.err.println(p.line()))).run();
 * }</pre>
 */
public final class OnlineRebuild {
    private final Path database;
    private final Target target;
    private final OnlineOptions options;

    private OnlineRebuild(Path database, Target target, OnlineOptions options) {
        this.database = database;
        this.target = target;
        this.options = options;
    }

    /**
     * @param current  the database's schema as inspected now
     * @param declared the schema to reach (for this table: its definition, indexes and triggers; views that read it)
     * @param mapping  the plan's mapping of the table ({@link io.liteshift.plan.Plan#rebuilds()})
     */
    public static OnlineRebuild of(Path database, Schema current, Schema declared, TableMapping mapping, OnlineOptions options) {
        return new OnlineRebuild(database, new Target(mapping.from(), mapping.to(), current, declared, mapping), options);
    }

    /**
     * Rebuilds the table; resumes an interrupted run of the same rebuild, or first removes one that cannot be resumed.
     *
     * @throws OnlineRefusal                 when it cannot start (not WAL, WITHOUT ROWID, ...) or a row breaks the declared
     *                                       schema; the table is as it was and everything the rebuild made is removed
     * @throws io.liteshift.Interrupted      when {@link io.liteshift.Interruption} asked it to stop: as for a refusal
     */
    public OnlineResult run() {
        try (Engine engine = Engine.open(database, target, options)) {
            return engine.run();
        }
    }

    /**
     * What an interrupted online rebuild left in {@code database}, finished or removed without resuming it: the old
     * table's pages freed when the swap had committed, otherwise the shadow table, triggers and change log removed.
     * Run it before a change that is not this rebuild (an offline push after an interrupted online one).
     */
    public static Recovery recover(Path database, OnlineOptions options) {
        return Engine.recoverAlone(database, options);
    }

    /** {@link #recover(Path, OnlineOptions)} with the default options. */
    public static Recovery recover(Path database) {
        return recover(database, OnlineOptions.defaults());
    }

    /** The table an interrupted online rebuild of {@code database} was working on, if one was. Reads only. */
    public static Optional<String> pending(Path database) {
        return Engine.pending(database);
    }

    /** The engine, to drive step by step (tests). */
    Engine engine() {
        return Engine.open(database, target, options);
    }
}
