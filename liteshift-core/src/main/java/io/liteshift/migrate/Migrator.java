package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.Databases;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.sqlite.LiteFs;
import io.liteshift.sqlite.Locks;
import io.liteshift.sqlite.SchemaVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.liteshift.online.OnlineOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applies a migrations directory to a database: each pending migration once, in order, atomically with its
 * journal row; or refuses, changing nothing, when the history cannot be trusted.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final MigrationDirectory dir;
    private final boolean outOfOrder;
    private final Listener listener;
    private final boolean baselineOnMigrate;
    private final Online online;

    /**
     * How the rebuilds of migrations run: {@code mode} null lets each migration's {@link OnlineDirective} decide, true
     * or false decides for all; {@code file} is the database's (online needs it; null when only a DataSource is known).
     */
    private record Online(Boolean mode, Path file, OnlineOptions options) {
        static final Online BY_DIRECTIVE = new Online(null, null, OnlineOptions.defaults());

        boolean of(MigrationScript s) {
            return mode != null ? mode : OnlineDirective.in(s.migration());
        }
    }

    /**
     * Told about each migration this run applies, on the migrating connection, outside its transaction (for
     * measurements such as a rehearsal's; the journal already records durations).
     */
    public interface Listener {
        /** Just before the migration's transaction begins. */
        default void starting(Migration m) {
        }

        /**
         * After it committed.
         *
         * @param rowsChanged rows its statements inserted, updated or deleted, triggers' included
         *                    ({@code total_changes()} before and after, less the journal row)
         */
        default void applied(Migration m, Duration took, long rowsChanged) {
        }
    }

    private static final Listener NO_LISTENER = new Listener() { };

    public Migrator(MigrationDirectory dir, boolean outOfOrder) {
        this(dir, outOfOrder, NO_LISTENER);
    }

    public Migrator(MigrationDirectory dir, boolean outOfOrder, Listener listener) {
        this(dir, outOfOrder, listener, false);
    }

    private Migrator(MigrationDirectory dir, boolean outOfOrder, Listener listener, boolean baselineOnMigrate, Online online) {
        this.dir = dir;
        this.outOfOrder = outOfOrder;
        this.listener = listener;
        this.baselineOnMigrate = baselineOnMigrate;
        this.online = online;
    }

    private Migrator(MigrationDirectory dir, boolean outOfOrder, Listener listener, boolean baselineOnMigrate) {
        this(dir, outOfOrder, listener, baselineOnMigrate, Online.BY_DIRECTIVE);
    }

    /**
     * This migrator, running table rebuilds online ({@link OnlineScript}): {@code mode} null lets each migration's
     * {@code -- liteshift:online} line decide, true runs every migration's rebuilds online, false none.
     *
     * @param file the database file (an online rebuild works on the file); null when only a DataSource is known
     */
    public Migrator online(Boolean mode, Path file, OnlineOptions options) {
        return new Migrator(dir, outOfOrder, listener, baselineOnMigrate, new Online(mode, file, options));
    }

    /**
     * This migrator, adopting in {@code migrate} a database that has tables but no liteshift history: it is baselined at
     * the one migration whose schema it has (checked by replaying, as {@link #baseline} checks), then the rest is applied.
     */
    public Migrator baselineOnMigrate(boolean on) {
        return new Migrator(dir, outOfOrder, listener, on, online);
    }

    public MigrationDirectory directory() {
        return dir;
    }

    /** Reads the journal (never creating it) and sets it against the directory. */
    public History history(Connection c) throws SQLException {
        return History.of(dir, Journal.read(c), outOfOrder);
    }

    /**
     * The history of a database this process must not write (a LiteFS replica), read without creating anything.
     * Refuses as {@code migrate} would when it cannot be trusted: the primary refuses it too, so waiting cannot help.
     */
    public History readOnlyHistory(Connection c, String database) throws SQLException {
        History h = history(c);
        refuseIfBlocked(h, database, "waiting for the replicated migrations of");
        return h;
    }

    /** Work that must come after the history is read and trusted, and only when something is pending. */
    @FunctionalInterface
    public interface BeforeApplying {
        /**
         * Runs before the first pending migration starts; throwing stops the run with nothing applied.
         *
         * @param allAtOnce whether the pending migrations are about to run in one transaction on a new database (see
         *                  {@link #migrate(Connection, String, BeforeApplying, boolean)}): any of them failing then leaves
         *                  the database as empty as it is
         */
        void run(History history, Connection c, boolean allAtOnce) throws SQLException;
    }

    public MigrateResult migrate(Connection c, String database) throws SQLException {
        return migrate(c, database, (h, conn, allAtOnce) -> { });
    }

    /**
     * @param before runs once, when something is pending, before any migration (a backup, a lint): the history read
     *               here serves it too, so a run with nothing to do reads it once
     */
    public MigrateResult migrate(Connection c, String database, BeforeApplying before) throws SQLException {
        return migrate(c, database, before, false);
    }

    /**
     * @param newDatabase the database file did not exist before this run, which created it: nothing in it can be lost,
     *                    so every migration is applied in one transaction (one commit, not one per migration) when they
     *                    share a foreign key setting; a failure then leaves it empty. Checked again under the lock: if
     *                    another process wrote to it first, the migrations are applied one by one as usual.
     */
    public MigrateResult migrate(Connection c, String database, BeforeApplying before, boolean newDatabase) throws SQLException {
        long t0 = System.nanoTime();
        History h;
        try {
            h = history(c); // without a lock: in rollback-journal mode a writer that is committing keeps it waiting
        } catch (SQLException e) {
            if (Databases.isLocked(e)) throw ScriptRunner.lockTimeout(c, Locks.Wanted.READ, e);
            throw e;
        }
        refuseIfBlocked(h, database, "migrating");
        // with baselineOnMigrate the adoption below takes such a database (or refuses when no migration matches it)
        if (!baselineOnMigrate && h.applied().isEmpty() && !h.pending().isEmpty()) refuseIfNeverMigrated(c, h, database);
        List<String> notes = new ArrayList<>();
        int adoptAt = adoptionVersion(c, h, database);
        if (adoptAt > 0) {
            h = History.of(dir, Adoption.rows(h.files(), adoptAt), outOfOrder); // as it will be once the baseline is recorded
            refuseIfBlocked(h, database, "migrating");
        }
        if (!h.ahead().isEmpty()) notes.add(aheadNote(h, database));
        if (h.pending().isEmpty()) {
            if (adoptAt > 0) notes.add(adopted(c, adoptAt, database));
            return new MigrateResult(List.of(), List.of(), h.version(), List.of(), notes, since(t0), Optional.empty());
        }
        // every pending file is read before the first one runs: a bad line in the last must not leave the first applied
        List<MigrationScript> scripts = h.pending().stream().map(m -> MigrationScript.parse(m, dir.label())).toList();
        boolean oneTransaction = newDatabase && listener == NO_LISTENER && oneForeignKeySetting(scripts);
        // and the online ones are read against the replay: one that is not liteshift's plan is refused before any runs
        Map<Integer, OnlineScript> onlineScripts = oneTransaction ? Map.of() : onlineScripts(scripts);
        beforeApplying(before, h, c, database, oneTransaction);
        if (adoptAt > 0) notes.add(adopted(c, adoptAt, database));
        List<AppliedMigration> applied = new ArrayList<>();
        if (oneTransaction && allAtOnce(c, scripts, database, applied)) return finished(c, applied, List.of(), scripts, h, notes, t0);
        // an interrupted online rebuild keeps capturing writes on its table: finished or removed before a migration
        // that runs in one transaction (an online one resumes it, or removes it when it is another change's)
        if (!onlineScripts.containsKey(scripts.get(0).migration().version())) {
            io.liteshift.online.Recovery r = OnlineApplier.recoverBeforeOffline(online.file());
            if (!(r instanceof io.liteshift.online.Recovery.Nothing)) notes.add(r.describe() + ".");
        }
        List<Integer> byOthers = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Migration m = scripts.get(i).migration();
            List<MigrationScript> rest = scripts.subList(i, scripts.size());
            if (Interruption.requested()) throw new Interrupted("", stoppedBetween(h, applied, byOthers, rest, database), null);
            listener.starting(m);
            long changes0 = listener == NO_LISTENER ? 0 : totalChanges(c); // a query per migration only when someone listens
            long s0 = System.nanoTime();
            ScriptRunner.Outcome outcome;
            try {
                OnlineScript o = onlineScripts.get(m.version());
                outcome = o != null ? o.run(c, online.file(), online.options(), !outOfOrder, notes)
                        : ScriptRunner.run(c, scripts.get(i), dir.label(), !outOfOrder);
            } catch (SQLException | RuntimeException e) {
                if (Interruption.stopped(e) && onlineScripts.containsKey(m.version()) && e instanceof Interrupted stop) {
                    // what an online rebuild left is its to say: the table as it was, or already swapped
                    throw new Interrupted(m.label() + "_" + m.name() + " (online)", stop.state() + "; the migration is not applied; "
                            + stoppedBetween(h, applied, byOthers, rest, database), e);
                }
                if (Interruption.stopped(e)) {
                    throw new Interrupted(m.label() + "_" + m.name(), "it was rolled back entirely; "
                            + stoppedBetween(h, applied, byOthers, rest, database), e);
                }
                if (e instanceof ScriptRunner.LockTimeout t) {
                    throw new LiteShiftException(t.reason(), t.text() + "\n" + notStarted(applied, rest), t);
                }
                LiteShiftException.Reason reason = e instanceof LiteShiftException l ? l.reason() : LiteShiftException.Reason.FAILED;
                String what = e instanceof ScriptRunner.StepFailure f ? f.text()
                        : dir.label() + "/" + m.fileName() + " failed: " + (e instanceof SQLException q ? SqliteErrors.message(q)
                        : e instanceof LiteShiftException l ? l.text() : e.getMessage());
                throw new LiteShiftException(reason, what + "\n" + afterFailure(m, applied, scripts.subList(i + 1, scripts.size()), database,
                        Cause.of(e)), e);
            }
            if (outcome == ScriptRunner.Outcome.APPLIED_BY_ANOTHER_PROCESS) {
                byOthers.add(m.version());
                continue;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - s0);
            LOG.info("applied {} to {} in {} ms", m.fileName(), database, took.toMillis());
            if (listener != NO_LISTENER) listener.applied(m, took, totalChanges(c) - changes0 - 1);
            applied.add(appliedNow(m, took));
        }
        return finished(c, applied, byOthers, scripts, h, notes, t0);
    }

    /** The pending scripts that run online (those rebuilding no table run as any other), by version. */
    private Map<Integer, OnlineScript> onlineScripts(List<MigrationScript> scripts) throws SQLException {
        Map<Integer, OnlineScript> out = new HashMap<>();
        for (MigrationScript s : scripts) {
            if (online.of(s)) OnlineScript.read(dir, s).ifPresent(o -> out.put(s.migration().version(), o));
        }
        return out;
    }

    private MigrateResult finished(Connection c, List<AppliedMigration> applied, List<Integer> byOthers, List<MigrationScript> scripts,
                                   History h, List<String> notes, long t0) throws SQLException {
        int version = Math.max(h.version(), scripts.get(scripts.size() - 1).migration().version());
        List<Problem> drift = List.of();
        if (dir.snapshot(version).isPresent()) drift = Snapshots.drift(dir, version, Inspector.inspect(c));
        else notes.add("no snapshot of " + SchemaVersion.label(version) + " in " + dir.snapshotsName()
                + " to compare the schema with; run `" + Fix.command(Fix.Command.HASH) + "` to write it.");
        return new MigrateResult(applied, byOthers, version, drift, notes, since(t0), Optional.empty());
    }

    private static AppliedMigration appliedNow(Migration m, Duration took) {
        return new AppliedMigration(m.version(), m.name(), m.checksum(), Instant.now(), took, Journal.whoAmI(), "migrate");
    }

    /** A transaction cannot change foreign key enforcement halfway: one transaction only when every script runs with the same. */
    private static boolean oneForeignKeySetting(List<MigrationScript> scripts) {
        return scripts.stream().map(MigrationScript::foreignKeysOn).distinct().count() == 1;
    }

    /**
     * The whole run as one transaction on a database this run created; false when, under the lock, another process had
     * written to it first ({@code applied} is then untouched and nothing was changed).
     */
    private boolean allAtOnce(Connection c, List<MigrationScript> scripts, String database, List<AppliedMigration> applied) throws SQLException {
        List<AppliedMigration> ran = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try {
            if (!ScriptRunner.allInOneTransaction(c, scripts, dir.label(), (m, took) -> {
                ran.add(appliedNow(m, took));
                files.add(m.fileName());
            })) return false;
        } catch (ScriptRunner.LockTimeout e) {
            throw new LiteShiftException(e.reason(), e.getMessage() + "\n" + notStarted(List.of(), scripts), e);
        } catch (ScriptRunner.StepFailure e) {
            throw new LiteShiftException(e.reason(), e.getMessage() + "\nThe " + scripts.size() + " migration(s) ran in one transaction on"
                    + " this new database, and all of them were rolled back: none is applied to " + database + ".\nFix the migration"
                    + " (if other databases applied it already, add a new migration instead of editing it), run `liteshift hash`, and"
                    + " migrate again.", e);
        }
        for (int i = 0; i < ran.size(); i++) { // said once committed, as one migration at a time says it
            LOG.info("applied {} to {} in {} ms (one transaction for the new database)", files.get(i), database, ran.get(i).took().toMillis());
        }
        applied.addAll(ran);
        return true;
    }

    /** With baselineOnMigrate, the version a database with tables and no history is adopted at; 0 when none applies. */
    private int adoptionVersion(Connection c, History h, String database) throws SQLException {
        if (!baselineOnMigrate || !h.applied().isEmpty() || h.files().isEmpty()) return 0;
        Schema live = Inspector.inspect(c);
        return live.isEmpty() ? 0 : Adoption.matchingVersion(dir, live, database);
    }

    /** Records the baseline found by {@link #adoptionVersion} (unless another process adopted or migrated it meanwhile). */
    private String adopted(Connection c, int version, String database) throws SQLException {
        List<Migration> upTo = dir.migrations().stream().filter(m -> m.version() <= version).toList();
        if (!recordBaseline(c, upTo)) return "another process adopted " + database + " meanwhile; nothing was baselined by this one.";
        LOG.info("baselined {} at {}: its schema is the one {} produces", database, SchemaVersion.label(version), SchemaVersion.label(version));
        return "baselined " + database + " at " + SchemaVersion.label(version) + " (baselineOnMigrate): its schema is the one "
                + dir.label() + " produces up to there, so " + upTo.size() + " migration(s) were recorded as applied without running.";
    }

    /**
     * Adopts a database made before liteshift: its schema must equal what migrations up to {@code version} produce
     * (checked, not assumed); then they are recorded as applied without running.
     */
    public List<AppliedMigration> baseline(Connection c, int version, String database) throws SQLException {
        History h = history(c);
        if (!h.applied().isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, database + " already has "
                    + h.applied().size() + " applied migration(s) (newest " + SchemaVersion.label(h.version()) + "); baseline is for a"
                    + " database liteshift has never migrated. Nothing was changed.");
        }
        refuseIfBlocked(h, database, "adopting");
        List<Migration> upTo = h.files().stream().filter(m -> m.version() <= version).toList();
        if (upTo.isEmpty() || upTo.get(upTo.size() - 1).version() != version) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "there is no migration " + SchemaVersion.label(version)
                    + " in " + dir.label() + ". Nothing was changed.");
        }
        Schema expected;
        try (Connection mem = Replay.run(dir, version, (m, db) -> { })) {
            expected = Inspector.inspect(mem);
        }
        List<Change> differences = Differ.diff(expected, Inspector.inspect(c));
        if (!differences.isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, database + " does not have the schema that "
                    + dir.label() + " has after " + SchemaVersion.label(version) + ":\n"
                    + differences.stream().map(d -> "  - " + d.describe()).collect(Collectors.joining("\n"))
                    + "\nBaseline at the migration the database really matches (or bring it there first). Nothing was changed.");
        }
        if (!recordBaseline(c, upTo)) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY,
                    "another process migrated " + database + " meanwhile. Nothing was changed.");
        }
        return Adoption.rows(upTo, version);
    }

    /** Records {@code upTo} as applied without running, in one transaction; false (nothing written) when the journal has rows by then. */
    private static boolean recordBaseline(Connection c, List<Migration> upTo) throws SQLException {
        boolean[] recorded = {false};
        Transactions.write(c, () -> {
            if (!Journal.read(c).isEmpty()) return;
            Journal.create(c);
            for (Migration m : upTo) Journal.record(c, m, Duration.ZERO, "baseline");
            recorded[0] = true;
        });
        return recorded[0];
    }

    /** Accepts reviewed edits of applied migrations: their journal checksums become the files' (one transaction). */
    public List<Migration> repair(Connection c, String database) throws SQLException {
        // only the journal and the directory's own problems matter here: a History would compute those problems again
        List<AppliedMigration> applied = Journal.read(c);
        List<Problem> directory = dir.problems();
        if (!directory.isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, "the migrations directory itself has problems;"
                    + " fix them first (review, then `" + Fix.command(Fix.Command.HASH) + "`):\n" + bullets(directory) + "\nNothing was changed.");
        }
        List<Migration> edited = new ArrayList<>();
        for (AppliedMigration a : applied) {
            dir.migrations().stream().filter(m -> m.version() == a.version() && !m.checksum().equals(a.checksum())).findFirst().ifPresent(edited::add);
        }
        if (edited.isEmpty()) return edited;
        Transactions.write(c, () -> {
            for (Migration m : edited) Journal.updateChecksum(c, m);
        });
        LOG.info("repair: accepted the edited text of {} in {}", edited.stream().map(Migration::fileName).toList(), database);
        return edited;
    }

    /**
     * A database with tables of the user's and no journal was made before liteshift (or by another tool): running the
     * first migration on it fails on "table ... already exists", or worse, succeeds beside tables nobody migrates.
     * Refuses, naming {@code baseline} at the migration whose snapshot its schema equals.
     */
    private void refuseIfNeverMigrated(Connection c, History h, String database) throws SQLException {
        List<String> tables = UserTables.of(c);
        if (tables.isEmpty()) return;
        // the history was read before, without a lock: another process may have migrated since, and a migration's
        // tables and journal row commit together, so a journal read after the tables tells
        if (!Journal.read(c).isEmpty()) return;
        Schema live = Inspector.inspect(c);
        List<Migration> matching = h.files().stream()
                .filter(m -> dir.snapshot(m.version()).map(s -> Differ.diff(Snapshots.schemaOf(dir.snapshotName(m.version()), s), live).isEmpty()).orElse(false))
                .toList();
        String what = "refused migrating " + database + ": it has " + tables.size() + " table(s) (" + UserTables.named(tables)
                + ") but no liteshift history (no " + Journal.TABLE + " table): liteshift has never migrated it, and "
                + h.pending().get(0).fileName() + " would run on tables that already exist.";
        String fix;
        if (!matching.isEmpty()) {
            Migration newest = matching.get(matching.size() - 1);
            String others = matching.size() == 1 ? "" : " (also that of " + matching.subList(0, matching.size() - 1).stream()
                    .map(Migration::label).collect(Collectors.joining(", ")) + ": the migrations between them change rows, not the"
                    + " schema, so check which of them ran)";
            fix = " Its schema equals " + dir.snapshotName(newest.version()) + ", the schema after " + newest.fileName() + others
                    + ": adopt it with `" + Fix.command(Fix.Command.BASELINE, newest.version()) + "`, which records the migrations up to "
                    + newest.label() + " as applied without running them; migrate then applies the ones after it. Or migrate with "
                    + Fix.setting(Fix.Setting.BASELINE_ON_MIGRATE) + ", which does both on the way.";
        } else {
            Migration newest = h.files().get(h.files().size() - 1);
            fix = " No snapshot in " + dir.snapshotsName() + " matches its schema (the other tools' tables left aside): bring it to"
                    + " the schema of one migration first (`" + Fix.command(Fix.Command.DIFF, database, dir.snapshotName(newest.version()))
                    + "` shows what differs from the newest), then adopt it with `" + Fix.command(Fix.Command.BASELINE, "N") + "`.";
        }
        throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, what + fix + " Nothing was changed.");
    }

    private void refuseIfBlocked(History h, String database, String doing) {
        if (!h.blocked()) return;
        List<Problem> blocking = h.problems().stream().filter(Problem::blocksMigrate).toList();
        throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, "refused " + doing + " " + database
                + ": the migration history cannot be trusted:\n" + bullets(blocking) + "\nNothing was changed.");
    }

    /** What made a migration fail, so that the advice fits: most often the migration, but not always. */
    private enum Cause {
        MIGRATION, WRITE_REFUSED, DISK_FULL,
        /** SQLite reported the file damaged: the caller, who knows the backups, says what to do (Damage.explained). */
        DAMAGED;

        static Cause of(Throwable e) {
            if (SqliteErrors.isDamage(e)) return DAMAGED;
            if (DiskSpace.isFull(e)) return DISK_FULL;
            if (LiteFs.isRefusedWrite(e)) return WRITE_REFUSED;
            return MIGRATION;
        }
    }

    private String afterFailure(Migration failed, List<AppliedMigration> applied, List<MigrationScript> notAttempted, String database,
                                Cause cause) {
        String before = applied.isEmpty() ? "" : " This run applied " + applied.stream().map(AppliedMigration::label).collect(Collectors.joining(", "))
                + " before it; those stay applied.";
        String after = notAttempted.isEmpty() ? "" : " Not attempted: "
                + notAttempted.stream().map(s -> s.migration().label()).collect(Collectors.joining(", ")) + ".";
        String fix = switch (cause) {
            case DAMAGED -> "";
            // the migration is not at fault: the file, its directory or the mount refused the write
            case WRITE_REFUSED -> "\nThe migration itself may be fine: SQLite could not write " + database + " (the file, its"
                    + " -wal/-shm/-journal, its directory or the mount is read-only for this user; `" + Fix.command(Fix.Command.DOCTOR)
                    + "` checks each). Fix the owner, mode or mount, and migrate again.";
            case DISK_FULL -> "\nThe migration itself may be fine: the volume is full. Free space on it (old backups, files beside"
                    + " the database) or grow it (`fly volumes extend`), and migrate again; `liteshift lint --db` (which migrate runs"
                    + " first, unless " + Fix.setting(Fix.Setting.SKIP_LINT) + ") estimates the space a rebuild needs.";
            case MIGRATION -> "\nFix the migration (it is not recorded as applied here; if other databases applied it already, add a"
                    + " new migration instead of editing it), run `" + Fix.command(Fix.Command.HASH) + "`, and migrate again.";
        };
        return "Migration " + failed.label() + " was rolled back entirely; " + database + " is at the boundary before it." + before + after
                + fix;
    }

    /** Lint and the backup, before anything is applied: a stop there applies nothing. */
    private void beforeApplying(BeforeApplying before, History h, Connection c, String database, boolean allAtOnce) throws SQLException {
        try {
            before.run(h, c, allAtOnce);
        } catch (SQLException | RuntimeException e) {
            if (!Interruption.stopped(e)) throw e;
            String during = e instanceof Interrupted i && !i.during().isEmpty() ? i.during() : "the checks before migrating";
            // "no backup was written; the partial file was removed. Nothing was changed." goes on with what was not applied
            String first = e instanceof Interrupted i && !i.during().isEmpty() ? i.state().replaceFirst("\\.( Nothing was changed\\.)?$", "") + "; " : "";
            throw new Interrupted(during, first + stoppedBetween(h, List.of(), List.of(), h.pending().stream()
                    .map(m -> MigrationScript.parse(m, dir.label())).toList(), database), e);
        }
    }

    /**
     * Where a stop leaves the database, said from what this run knows (no query: the connection may be the one that
     * was stopped): "nothing was applied; /data/app.db is at 0002 (0001-0002 are applied); still pending: 0003_x."
     */
    private static String stoppedBetween(History h, List<AppliedMigration> applied, List<Integer> byOthers, List<MigrationScript> rest,
                                         String database) {
        SortedSet<Integer> versions = new TreeSet<>();
        h.applied().forEach(a -> versions.add(a.version()));
        applied.forEach(a -> versions.add(a.version()));
        versions.addAll(byOthers);
        SortedSet<Integer> ours = new TreeSet<>();
        applied.forEach(a -> ours.add(a.version()));
        String at = versions.isEmpty() ? database + " has no migration applied" : database + " is at " + SchemaVersion.label(versions.last())
                + " (" + range(versions) + " applied" + (ours.isEmpty() ? "" : ", " + range(ours) + " by this run") + ")";
        List<String> pending = rest.stream().map(r -> r.migration().label() + "_" + r.migration().name()).toList();
        return (ours.isEmpty() ? "nothing was applied; " : "") + at + "; still pending: " + String.join(", ", pending)
                + ". Run migrate again to apply " + (pending.size() == 1 ? "it" : "them") + ".";
    }

    /** 0001-0003 for a run without gaps, else the versions one by one. */
    private static String range(SortedSet<Integer> versions) {
        if (versions.size() > 2 && versions.last() - versions.first() == versions.size() - 1) {
            return SchemaVersion.label(versions.first()) + "-" + SchemaVersion.label(versions.last());
        }
        return versions.stream().map(SchemaVersion::label).collect(Collectors.joining(", "));
    }

    /** After a lock timeout: the migrations are fine, they just did not get their turn. */
    private static String notStarted(List<AppliedMigration> applied, List<MigrationScript> notAttempted) {
        String before = applied.isEmpty() ? "" : "This run applied " + applied.stream().map(AppliedMigration::label).collect(Collectors.joining(", "))
                + " before it; those stay applied. ";
        return before + "Not attempted: " + notAttempted.stream().map(s -> s.migration().label()).collect(Collectors.joining(", ")) + ".";
    }

    private static String aheadNote(History h, String database) {
        return database + " has " + h.ahead().stream().map(AppliedMigration::label).collect(Collectors.joining(", "))
                + " applied, newer than every migration here: an older version of the application is running against a newer"
                + " schema. Nothing to do for these.";
    }

    static String bullets(List<Problem> problems) {
        return problems.stream().map(p -> "  - " + p.text()).collect(Collectors.joining("\n"));
    }

    private static long totalChanges(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT total_changes()")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
