package io.liteshift;

import io.liteshift.apply.Applier;
import io.liteshift.apply.DatabaseUrl;
import io.liteshift.apply.Databases;
import io.liteshift.apply.LiteFs;
import io.liteshift.backup.Damage;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.inspect.RenameHints;
import io.liteshift.inspect.RenameRecords;
import io.liteshift.lint.DataCheck;
import io.liteshift.lint.Finding;
import io.liteshift.lint.Findings;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.migrate.Generator;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.Migrator;
import io.liteshift.migrate.Problem;
import io.liteshift.migrate.StatusReport;
import io.liteshift.migrate.Verification;
import io.liteshift.migrate.Verifier;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;
import io.liteshift.schema.Schema;
import io.liteshift.sql.SqliteErrors;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * liteshift's front door.
 *
 * <pre>{@code
 * Plan plan = LiteShift.diff(SchemaSource.parse("app.db"), SchemaSource.parse("schema.sql"));
 * PushResult r = LiteShift.push("file:/data/sqlite.db", Path.of("schema.sql"), PushOptions.defaults());
 * }</pre>
 */
public final class LiteShift {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiteShift.class);
    private final Configuration config;

    LiteShift(Configuration config) {
        this.config = config;
        directory(); // a location that cannot be read fails here, at configuration time
    }

    /** Starts a configuration for the versioned-migration commands ({@code migrate}, {@code status}, ...). */
    public static Configuration configure() {
        return new Configuration();
    }

    /**
     * Applies every pending migration, each once and whole, or refuses and changes nothing. On a LiteFS replica
     * ({@code .primary} beside the database) it writes nothing: it waits, up to {@link Configuration#replicaTimeout},
     * until the primary's migrations have been replicated here.
     */
    public MigrateResult migrate() {
        Optional<Path> file = fileOfDatabase();
        if (file.isPresent() && LiteFs.primary(file.get()).isPresent()) {
            Migrator migrator = migrator();
            Optional<MigrateResult> waited = ReplicaWait.await(file.get(), migrator.directory(), config.replicaTimeout,
                    () -> replicated(file.get(), migrator), config.progress);
            if (waited.isPresent()) return waited.get();
            LOG.info("{} disappeared while waiting: this node is no longer a LiteFS replica; migrating here", LiteFs.marker(file.get()));
        }
        try {
            return migrateHere();
        } catch (LiteShiftException e) {
            Optional<String> liteFs = file.flatMap(f -> LiteFs.explainRefusedWrite(f, e));
            if (liteFs.isEmpty()) throw e;
            throw new LiteShiftException(e.reason(), e.text() + "\n" + liteFs.get(), e);
        }
    }

    private MigrateResult migrateHere() {
        // a database that does not exist yet holds nothing to back up
        boolean backUp = config.backupsBeforeMigrate != null && java.nio.file.Files.exists(databaseFile());
        Path[] backup = new Path[1];
        MigrateResult result = withDatabase(true, (c, label) -> {
            Migrator migrator = migrator();
            try {
                return applyPending(c, label, migrator, backUp, backup);
            } catch (LiteShiftException e) {
                // a journal read from damaged pages looks like an untrustworthy history: say what it really is
                if (e.reason() == LiteShiftException.Reason.REFUSED_HISTORY) requireUndamaged(c, label);
                throw e;
            }
        }).withBackup(java.util.Optional.ofNullable(backup[0]));
        if (config.seedsAfterMigrate != null || !config.seeders.isEmpty()) seed(config.seedsAfterMigrate, config.seeders);
        return result;
    }

    /** The migration itself, on the open connection; {@code backup[0]} receives the backup taken first, if any. */
    private MigrateResult applyPending(Connection c, String label, Migrator migrator, boolean backUp, Path[] backup) throws SQLException {
        return migrator.migrate(c, label, (history, conn) -> {
            // a damaged page found before anything is written, not halfway; a backup's own check of its copy (the
            // same pages) does it when one is taken first. Only when something is pending: a boot with nothing to
            // apply writes nothing, and stays fast
            if (!backUp) requireUndamaged(conn, label);
            // lint first: a refused migration leaves nothing behind, not even a backup nobody needs
            if (config.lintBeforeMigrate) io.liteshift.lint.Linter.requireNoErrors(migrator.directory(), conn, history.pending());
            if (backUp) {
                backup[0] = io.liteshift.backup.Backups.backup(databaseFile(), config.backupsBeforeMigrate, config.keepBackups,
                        config.backupCheck, config.progress).file();
                LOG.info("backed up {} before migrating: {}", databaseFile(), backup[0]);
            }
        });
    }

    /**
     * {@code PRAGMA quick_check} (every page and b-tree, about 0.8 s per GB from the page cache): migrating a file with
     * a damaged page writes over it and spreads the damage, so migrate refuses first.
     */
    private void requireUndamaged(Connection c, String label) throws SQLException {
        List<String> problems;
        try {
            problems = Damage.check(c, io.liteshift.backup.BackupCheck.QUICK);
        } catch (SQLException e) {
            // nothing is applied yet: a lock held past the lock timeout (in rollback-journal mode a writer that commits
            // or spills locks readers out) is said as BEGIN IMMEDIATE's would be
            if (!Databases.isLocked(e)) throw e;
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot check " + label + " before migrating: "
                    + Databases.keptLocked(config.lockTimeout) + ". Nothing was changed. Run migrate again when it is done, or"
                    + " wait longer (lock timeout: " + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + ").", e);
        }
        if (!problems.isEmpty()) throw Damage.refusal(recovery(c), label, Damage.Evidence.ofCheck("quick_check", problems), null);
    }

    /** Where a sound copy of the configured database can come from, for the damage message. */
    private Damage.Recovery recovery() {
        return new Damage.Recovery(fileOfDatabase().orElse(null), config.backupsToRestoreFrom());
    }

    /** As {@link #recovery()}, asking {@code c} which file it is (a pool of one connection has no second to ask). */
    private Damage.Recovery recovery(Connection c) {
        Path file = config.database != null ? DatabaseUrl.toPath(config.database) : mainFile(c).orElse(null);
        return new Damage.Recovery(file, config.backupsToRestoreFrom());
    }

    /** One read-only look at a replica's database; empty while LiteFS has not replicated the file yet. */
    private Optional<io.liteshift.migrate.History> replicated(Path file, Migrator migrator) {
        if (!java.nio.file.Files.exists(file)) return Optional.empty();
        return Optional.of(withDatabase(false, migrator::readOnlyHistory));
    }

    /** The database's file: configured, or asked of the DataSource (LiteFS's marker is beside it); empty for :memory:. */
    private Optional<Path> fileOfDatabase() {
        if (config.database != null) return Optional.of(DatabaseUrl.toPath(config.database));
        if (config.dataSource == null) return Optional.empty();
        try (Connection c = config.dataSource.getConnection()) {
            return mainFile(c);
        } catch (SQLException e) {
            return Optional.empty(); // migrating opens it again and reports what is wrong
        }
    }

    /** The file of {@code c}'s main database; empty for :memory: or when it cannot be asked. */
    private static Optional<Path> mainFile(Connection c) {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                String f = rs.getString(3);
                if ("main".equals(rs.getString(2))) return f == null || f.isEmpty() ? Optional.empty() : Optional.of(Path.of(f));
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs seed files (each once; {@code R__} files again when they change) and Java seeders. Seeds are written for the
     * migrated schema: run it after {@code migrate()} (or use {@code seedAfterMigrate}); {@code liteshift seed} refuses
     * while migrations are pending.
     */
    public io.liteshift.seed.SeedResult seed(Path dir, List<io.liteshift.seed.Seeder> seeders) {
        return withDatabase(true, (c, label) -> io.liteshift.seed.Seeds.run(c, dir, seeders));
    }

    /** An online, consistent, verified backup into {@code dir}, named with time and schema version; {@code keep} > 0 prunes. */
    public io.liteshift.backup.BackupInfo backup(Path dir, int keep) {
        return io.liteshift.backup.Backups.backup(databaseFile(), dir, keep, config.backupCheck, config.progress);
    }

    /** Verifies {@code backup} and swaps it in atomically, keeping the replaced file, owner and mode. */
    public io.liteshift.backup.RestoreResult restore(Path backup, boolean force) {
        return io.liteshift.backup.Backups.restore(backup, databaseFile(), force);
    }

    /** The pending migrations on an online copy of the database, measured and verified; the original is never written. */
    public io.liteshift.rehearse.RehearsalReport rehearse(boolean keepCopy) {
        try {
            return io.liteshift.rehearse.Rehearsal.run(databaseFile(), directory(),
                    new io.liteshift.rehearse.Rehearsal.Options(keepCopy, config.outOfOrder, config.lockTimeout));
        } catch (RuntimeException e) {
            throw Damage.explained(e, recovery(), databaseFile().toString());
        }
    }

    /** The runbook's common errors, diagnosed without writing anything. */
    public io.liteshift.doctor.DoctorReport doctor() {
        io.liteshift.doctor.Doctor doctor = io.liteshift.doctor.Doctor.of(databaseFile()).migrations(directory());
        return (config.backupsToRestoreFrom() == null ? doctor : doctor.backups(config.backupsToRestoreFrom())).examine();
    }

    /** Backups, restore, rehearsals and the doctor work on the file itself, so they need a path, not a DataSource. */
    private Path databaseFile() {
        if (config.database == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "this needs the database file: configure"
                    + " database(path or URL); a DataSource alone does not say where the file is.");
        }
        return DatabaseUrl.toPath(config.database);
    }

    /** Applied, pending, drift and integrity; reads only. */
    public StatusReport status() {
        return withDatabase(false, (c, label) -> Verifier.status(c, migrator(), label));
    }

    /** Every reason the database is not exactly where the migrations say it should be; empty means verified. Reads only. */
    public List<Problem> verify() {
        return verification().problems();
    }

    /** As {@link #verify()}, with the status read on the way (one connection, one inspection for both). */
    public Verification verification() {
        return withDatabase(false, (c, label) -> Verifier.verification(c, migrator(), label, recovery(c)));
    }

    /**
     * Checks the migrations directory without a database (for CI): integrity, snapshots reproducible by replay, and
     * the declared schema fully covered by migrations. Empty means verified.
     */
    public List<Problem> verifyDirectory() {
        try {
            if (config.schemaClass == null) return Verifier.verifyDirectory(directory(), config.schema);
            return Verifier.verifyDirectory(directory(), "the schema class " + config.schemaClass, () -> declared().schema());
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "replaying the migrations failed: " + e.getMessage(), e);
        }
    }

    /** Adopts an existing database whose schema matches migration {@code version} (checked). */
    public List<AppliedMigration> baseline(int version) {
        return withDatabase(true, (c, label) -> migrator().baseline(c, version, label));
    }

    /** Accepts reviewed edits of applied migrations: the journal takes the files' checksums. */
    public List<Migration> repair() {
        return withDatabase(true, (c, label) -> migrator().repair(c, label));
    }

    /** Writes the next migration from the declared schema; writes nothing when nothing changed. */
    public GenerateResult generate(String name) {
        if (config.schemaClass == null) return new Generator(directory()).generate(config.schema, name);
        return new Generator(directory()).generate(config.schemaClass, this::declared, name);
    }

    /** The declared schema as configured, read now: the schema class when one is set, else the schema file. */
    private io.liteshift.inspect.DeclaredSchema declared() {
        return config.schemaClass == null ? io.liteshift.inspect.DeclaredSchema.load(config.schema)
                : io.liteshift.dsl.SchemaClasses.declared(config.schemaClass, config.schemaClassLoader());
    }

    /** Writes a new migration that takes the schema back to what it was after {@code version}. */
    public GenerateResult revert(int version, String name) {
        return new Generator(directory()).revert(version, name);
    }

    /** Creates an empty numbered migration for hand-written SQL. */
    public Path newMigration(String name) {
        return new Generator(directory()).newMigration(name);
    }

    /** Accepts the migrations directory as it is now: the integrity file and the snapshots are written anew. */
    public List<String> hash() {
        return new Generator(directory()).hash();
    }

    /** The migrations as they are now: read again for every command, so a long-lived instance never sees stale files. */
    public MigrationDirectory directory() {
        return MigrationDirectory.at(config.migrations, config.classLoader);
    }

    /** Commands that apply or check migrations need them: a mistyped directory must not read as "nothing to do". */
    private Migrator migrator() {
        MigrationDirectory directory = directory();
        if (!directory.exists()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the migrations directory "
                    + directory.root().toAbsolutePath() + " does not exist. Check " + Fix.setting(Fix.Setting.MIGRATIONS) + "; `"
                    + Fix.command(Fix.Command.GENERATE) + "` or `" + Fix.command(Fix.Command.INIT) + "` creates it. Nothing was changed.");
        }
        return new Migrator(directory, config.outOfOrder);
    }

    @FunctionalInterface
    private interface DatabaseWork<T> {
        T run(Connection c, String label) throws SQLException;
    }

    private <T> T withDatabase(boolean write, DatabaseWork<T> work) {
        if (config.dataSource != null) return withDataSource(work);
        if (config.database == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "no database configured: call database(...) or dataSource(...), or set DATABASE_URL / --db.");
        }
        Path file = DatabaseUrl.toPath(config.database);
        // opened with the lock timeout as its busy timeout, like every connection liteshift opens itself
        try (Connection c = Databases.open(file, write && config.createMissing, !write, config.lockTimeout)) {
            return work.run(c, file.toString());
        } catch (SQLException e) {
            if (Databases.isLocked(e)) throw lockedOut(file.toString(), e);
            throw Damage.refusalOr(e, recovery(), file.toString(), "cannot work on " + file + ": " + SqliteErrors.message(e));
        } catch (RuntimeException e) {
            // SQLite found the file damaged while opening it, or while this command worked on it (a migration's statement)
            throw Damage.explained(e, recovery(), file.toString());
        }
    }

    /** A read that waited the whole lock timeout (in rollback-journal mode a committing writer locks readers out too). */
    private LiteShiftException lockedOut(String database, SQLException e) {
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot work on " + database + ": " + Databases.keptLocked(config.lockTimeout)
                + ". Run again when it is done, or wait longer (lock timeout: " + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + ").", e);
    }

    private <T> T withDataSource(DatabaseWork<T> work) {
        String label = "the database of the configured DataSource";
        try (Connection c = config.dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true); // liteshift opens its own IMMEDIATE transactions
            try {
                waitForLocks(c);
                return work.run(c, label);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (Databases.isLocked(e)) throw lockedOut("the configured DataSource's database", e);
            throw Damage.refusalOr(e, recovery(), label, "cannot work on the configured DataSource's database: " + SqliteErrors.message(e));
        } catch (RuntimeException e) {
            throw Damage.explained(e, recovery(), label);
        }
    }

    /** A pool's connection comes with the application's busy timeout; liteshift's waits are its own. */
    private void waitForLocks(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, config.lockTimeout.toMillis()));
        }
    }

    /** The plan that takes {@code from} to {@code to}; empty when they are equal. */
    public static Plan diff(SchemaSource from, SchemaSource to) {
        // the two sides are independent: read them side by side (a large declared schema takes SQLite a while)
        java.util.concurrent.CompletableFuture<SchemaSource.Loaded> other = java.util.concurrent.CompletableFuture.supplyAsync(to::load);
        SchemaSource.Loaded a = from.load();
        SchemaSource.Loaded b;
        try {
            b = other.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        List<Change> changes = Differ.diff(a.schema(), b.schema(), from.notYetApplied(b.hints()));
        return Planner.plan(a.schema(), b.schema(), changes);
    }

    /** Brings the database to the declared schema, keeping every row, or refuses and changes nothing. */
    public static PushResult push(String database, Path schema, PushOptions options) {
        return push(database, new SchemaSource.Declared(schema), options);
    }

    /**
     * As {@link #push(String, Path, PushOptions)}, with the declared schema from a schema file or a Java class
     * ({@link SchemaSource#javaClass}); a database as {@code declared} is refused.
     */
    public static PushResult push(String database, SchemaSource declaredSchema, PushOptions options) {
        if (declaredSchema instanceof SchemaSource.Database d) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "push brings a database to a declared schema,"
                    + " but " + d.file() + " is a database. Give a schema file or a schema class; to compare two databases use diff.");
        }
        String schema = declaredSchema.label();
        long t0 = System.nanoTime();
        SchemaSource.Loaded declared = declaredSchema.load();
        Path file = DatabaseUrl.toPath(database);
        boolean existed = java.nio.file.Files.exists(file); // a file push creates holds nothing to back up
        try (Connection conn = Databases.open(file, options.createMissing(), false)) {
            Schema current = Inspector.inspect(conn);
            RenameHints hints = RenameRecords.withoutApplied(conn, declared.hints());
            Plan plan = planFor(current, declared, hints);
            List<String> warnings = Differ.unusableHints(current, declared.schema(), hints);
            if (plan.isEmpty()) return new PushResult(plan, new Findings(List.of()), false, since(t0), warnings);
            if (options.dryRun()) {
                Findings findings = DataCheck.run(conn, plan, current, declared.schema());
                refuseIfNeeded(findings, options, file, schema, warnings);
                return new PushResult(plan, findings, false, since(t0), warnings);
            }
            return Applier.inWriteTransaction(conn, c -> {
                // Under the write lock, plan again if another process changed the schema meanwhile (a concurrent push).
                Schema now = Inspector.inspect(c);
                Plan p = now.equals(current) ? plan : planFor(now, declared, RenameRecords.withoutApplied(c, declared.hints()));
                if (p.isEmpty()) return new PushResult(p, new Findings(List.of()), false, since(t0), warnings);
                Findings findings = DataCheck.run(c, p, now, declared.schema());
                refuseIfNeeded(findings, options, file, schema, warnings);
                // under the write lock, so the backup is exactly what the change starts from
                Optional<Path> backup = options.backupTo() == null || !existed ? Optional.empty()
                        : Optional.of(io.liteshift.backup.Backups.backup(file, options.backupTo()).file());
                Applier.runPlan(c, p, declared.schema());
                return new PushResult(p, findings, true, since(t0), warnings, backup);
            });
        } catch (SQLException e) {
            throw Damage.refusalOr(e, new Damage.Recovery(file, options.backupTo()), file.toString(),
                    "cannot work on " + file + ": " + SqliteErrors.message(e) + ". Nothing was changed.");
        } catch (RuntimeException e) {
            throw Damage.explained(e, new Damage.Recovery(file, options.backupTo()), file.toString());
        }
    }

    private static Plan planFor(Schema current, SchemaSource.Loaded declared, RenameHints hints) {
        return Planner.plan(current, declared.schema(), Differ.diff(current, declared.schema(), hints));
    }

    private static void refuseIfNeeded(Findings findings, PushOptions options, Path file, String schema, List<String> warnings) {
        String also = warnings.isEmpty() ? "" : "\nNote that " + String.join("\nNote that ", warnings);
        if (findings.hasViolations()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DATA,
                    "refused: the rows in " + file + " cannot take the declared schema " + schema + ":\n"
                            + bullets(findings.of(Finding.Kind.VIOLATION))
                            + (findings.isDestructive() ? "\nThe change would also destroy data (needs " + Fix.setting(Fix.Setting.ALLOW_DESTRUCTIVE) + "):\n"
                            + bullets(findings.of(Finding.Kind.DESTRUCTIVE)) : "")
                            + also + "\nNothing was changed.");
        }
        if (findings.isDestructive() && !options.allowDestructive() && !options.dryRun()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DESTRUCTIVE,
                    "refused: pushing " + schema + " to " + file + " would destroy data:\n"
                            + bullets(findings.of(Finding.Kind.DESTRUCTIVE)) + also
                            + "\nNothing was changed. Run again with " + Fix.setting(Fix.Setting.ALLOW_DESTRUCTIVE) + " to accept the loss (take a backup first).");
        }
    }

    private static String bullets(List<Finding> findings) {
        return findings.stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n"));
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
