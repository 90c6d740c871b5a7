package io.liteshift;

import io.liteshift.apply.Applier;
import io.liteshift.migrate.OnlineApplier;
import io.liteshift.migrate.OnlineOutcome;
import io.liteshift.online.Recovery;
import io.liteshift.sqlite.JournalMode;
import io.liteshift.sqlite.DatabaseUrl;
import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.sqlite.Locks;
import io.liteshift.backup.BackupCheck;
import io.liteshift.backup.Backups;
import io.liteshift.backup.Damage;
import io.liteshift.inspect.Inspector;
import io.liteshift.hints.RenameRecords;
import io.liteshift.lint.Findings;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.Linter;
import io.liteshift.plan.Pipeline;
import io.liteshift.plan.Plan;
import io.liteshift.schema.Schema;
import io.liteshift.sql.SqliteErrors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code push}: brings a database to a declared schema, keeping every row, or refuses and changes nothing. Inspect the
 * database and plan ({@link Pipeline}); then, under the write lock (BEGIN IMMEDIATE), plan again if another process
 * changed the schema meanwhile, check the rows against the plan ({@link Linter#dataCheck}) and the free space, take the
 * backup, and apply the plan, which is checked before COMMIT ({@link Applier#runPlan}). A dry run stops after the
 * checks, without the lock. Every failure says what it left: nothing changed, a created empty file removed again.
 */
final class Push {
    private final SchemaSource.Loaded declared;
    private final String schema;
    private final Path file;
    private final PushOptions options;
    private final long started = System.nanoTime();
    /** The file holds a database (one push creates, or an empty one, holds nothing to back up). */
    private final boolean existed;
    private final boolean fileExisted;
    /** The space the plan's rebuilds need, once known: a disk-full failure says it. */
    private DiskSpace.Estimate need;
    /** What this push did with an interrupted online rebuild it found. */
    private final List<String> recoveries = new java.util.ArrayList<>();

    private Push(String database, SchemaSource declaredSchema, PushOptions options) {
        this.schema = declaredSchema.label();
        this.declared = declaredSchema.load();
        this.file = DatabaseUrl.toPath(database);
        this.options = options;
        this.existed = Databases.holdsDatabase(file);
        this.fileExisted = Files.exists(file);
    }

    static PushResult run(String database, SchemaSource declaredSchema, PushOptions options) {
        if (declaredSchema instanceof SchemaSource.Database d) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "push brings a database to a declared schema,"
                    + " but " + d.file() + " is a database. Give a schema file or a schema class; to compare two databases use diff.");
        }
        return new Push(database, declaredSchema, options).run();
    }

    private PushResult run() {
        try {
            return Writes.written(Optional.of(file), this::onDatabase);
        } catch (Interrupted e) {
            Databases.removeIfCreatedEmpty(file, fileExisted);
            throw e;
        } catch (LiteShiftException e) {
            Databases.removeIfCreatedEmpty(file, fileExisted); // a refused --create leaves no empty file behind
            throw explained(e);
        }
    }

    private PushResult onDatabase() {
        try (Connection conn = Databases.open(file, options.createMissing(), false, options.lockTimeout())) {
            Schema current = Inspector.inspect(conn);
            Plan plan = plan(conn, current);
            if (options.online() && !plan.rebuilds().isEmpty()) return online(conn, current, plan);
            // an interrupted online rebuild keeps capturing writes on its table: finished or removed before anything
            // else, even when nothing else is to do (a run killed after its swap leaves only the old table's pages)
            Recovery recovered = options.dryRun() ? new Recovery.Nothing() : OnlineApplier.recoverBeforeOffline(existed ? file : null);
            if (!(recovered instanceof Recovery.Nothing)) {
                recoveries.add(recovered.describe());
                current = Inspector.inspect(conn);
                plan = plan(conn, current);
            }
            if (plan.isEmpty()) return result(plan, new Findings(List.of()), false, Optional.empty());
            if (options.dryRun()) return result(plan, checked(conn, plan, current), false, Optional.empty());
            Schema start = current;
            Plan planned = plan;
            return Applier.inWriteTransaction(conn, c -> {
                // Under the write lock, plan again if another process changed the schema meanwhile (a concurrent push).
                Schema now = Inspector.inspect(c);
                Plan p = now.equals(start) ? planned : plan(c, now);
                if (p.isEmpty()) return result(p, new Findings(List.of()), false, Optional.empty());
                Findings findings = checked(c, p, now);
                // under the write lock, so the backup is exactly what the change starts from
                Optional<Path> backup = options.backupTo() == null || !existed ? Optional.empty()
                        : Optional.of(Writes.backedUp(options.backupTo(), () -> Backups.backup(file, options.backupTo(), 0, BackupCheck.QUICK,
                                options.lockTimeout(), line -> { })).file());
                Applier.runPlan(c, p, declared.schema());
                return result(p, findings, true, backup);
            });
        } catch (SQLException e) {
            if (Interruption.stopped(e)) throw new Interrupted(thePush(), file + " was not changed.", e);
            if (Databases.isLocked(e)) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, Databases.keptLocked(options.lockTimeout(), file, Locks.Wanted.READ)
                        + ". Nothing was changed. Run again when it is done, or wait longer (--lock-timeout, or lock_timeout"
                        + " under [migrate] in liteshift.toml).", e);
            }
            throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                    "cannot work on " + file + ": " + SqliteErrors.message(e) + ". Nothing was changed.", e);
        }
    }

    /**
     * {@code push --online}: the rows' checks and the backup before anything is written (without the write lock: the
     * rows the application writes meanwhile are checked by the copy itself), then each rebuilt table online and the
     * rest of the plan in one last transaction ({@link OnlineApplier}).
     */
    private PushResult online(Connection conn, Schema current, Plan plan) throws SQLException {
        JournalMode.requireWalForOnline(conn, file, pushing() + " online", "push without --online (PushOptions.online(false) in Java)");
        Findings findings = checked(conn, plan, current);
        if (options.dryRun()) return result(plan, findings, false, Optional.empty());
        Optional<Path> backup = options.backupTo() == null ? Optional.empty()
                : Optional.of(Backups.backup(file, options.backupTo(), 0, BackupCheck.QUICK, options.lockTimeout(), line -> { }).file());
        OnlineOutcome done = OnlineApplier.apply(file, conn, declared.schema(), this::plan, options.onlineOptions(), c -> { });
        recoveries.addAll(done.recoveries());
        return new PushResult(plan, findings, true, Duration.ofNanos(System.nanoTime() - started), backup, Optional.of(done), recoveries);
    }

    /** The plan from {@code current}, the schema of {@code db}, with the hints {@code db} has not been through. */
    private Plan plan(Connection db, Schema current) throws SQLException {
        return Pipeline.plan(current, declared.schema(), RenameRecords.withoutApplied(db, declared.hints()));
    }

    /** The rows' findings, after refusing when the rows cannot take the plan or the volume lacks the space it needs. */
    private Findings checked(Connection c, Plan plan, Schema current) throws SQLException {
        Findings findings = Linter.dataCheck(c, plan, current, declared.schema());
        refuseIfNeeded(findings);
        List<String> rebuilt = plan.rebuilds().stream().map(m -> m.from().name()).toList();
        need = DiskSpace.forTables(c, rebuilt);
        DiskSpace.require(file, need, pushing());
        return findings;
    }

    private void refuseIfNeeded(Findings findings) {
        if (findings.hasViolations()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DATA,
                    "refused: the rows in " + file + " cannot take the declared schema " + schema + ":\n"
                            + bullets(findings.violations())
                            + (findings.isDestructive() ? "\nThe change would also destroy data (needs " + Fix.setting(Fix.Setting.ALLOW_DESTRUCTIVE) + "):\n"
                            + bullets(findings.destructive()) : "")
                            + "\nNothing was changed.");
        }
        if (findings.isDestructive() && !options.allowDestructive() && !options.dryRun()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DESTRUCTIVE,
                    "refused: " + pushing() + " would destroy data:\n"
                            + bullets(findings.destructive())
                            + "\nNothing was changed. Run again with " + Fix.setting(Fix.Setting.ALLOW_DESTRUCTIVE) + " to accept the loss (take a backup first).");
        }
    }

    /** A failure as the user should read it: damage, a stop, a lock or a full disk said with what to do. */
    private RuntimeException explained(LiteShiftException e) {
        RuntimeException damage = Damage.explained(e, new Damage.Recovery(file, options.backupTo()), file.toString());
        if (damage != e) return damage;
        if (Interruption.stopped(e)) {
            return new Interrupted(thePush(), "everything was rolled back; " + file + " is as it was. Nothing was changed.", e);
        }
        if (Databases.isLocked(Writes.rootSql(e))) {
            return new LiteShiftException(e.reason(), "cannot push " + schema + " to " + file + ": " + e.text(), e);
        }
        // a backup that filled its own volume says so itself
        if (!DiskSpace.isFull(e) || e.getMessage().startsWith("disk full")) return e;
        return new LiteShiftException(LiteShiftException.Reason.FAILED, DiskSpace.full(file, pushing(), need)
                + ".\n" + e.text() + "\nFree space on that volume (old backups, files beside the database) or grow it"
                + " (`fly volumes extend`), then push again.", e);
    }

    private PushResult result(Plan plan, Findings findings, boolean applied, Optional<Path> backup) {
        return new PushResult(plan, findings, applied, Duration.ofNanos(System.nanoTime() - started), backup, Optional.empty(), recoveries);
    }

    private String pushing() {
        return "pushing " + schema + " to " + file;
    }

    private String thePush() {
        return "the push of " + schema + " to " + file;
    }

    private static String bullets(List<LintIssue> findings) {
        return findings.stream().map(f -> "  - " + f.messageAndFix()).collect(Collectors.joining("\n"));
    }
}
