package io.liteshift;

import io.liteshift.backup.BackupCheck;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.BackupLeftover;
import io.liteshift.backup.Backups;
import io.liteshift.backup.RestoreResult;
import io.liteshift.doctor.Doctor;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.dsl.SchemaClasses;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Linter;
import io.liteshift.migrate.History;
import io.liteshift.rehearse.Rehearsal;
import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.seed.SeedResult;
import io.liteshift.seed.Seeder;
import io.liteshift.sqlite.DatabaseUrl;
import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.LiteFs;
import io.liteshift.backup.Damage;
import io.liteshift.inspect.Inspector;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.migrate.Generator;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrationLint;
import io.liteshift.migrate.Migrator;
import io.liteshift.migrate.Problem;
import io.liteshift.migrate.StatusReport;
import io.liteshift.migrate.Verification;
import io.liteshift.migrate.Verifier;
import io.liteshift.online.OnlineOptions;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Pipeline;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.Locks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * liteshift's front door.
 *
 * <pre>{@code
 * Plan plan = LiteShift.diff(SchemaSource.parse("app.db"), SchemaSource.parse("schema.sql"));
 * PushResult r = LiteShift.push("file:/data/sqlite.db", Path.of("schema.sql"), PushOptions.defaults());
 * }</pre>
 */
public final class LiteShift {
    private static final Logger LOG = LoggerFactory.getLogger(LiteShift.class);
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
        return migrateHere(file);
    }

    private MigrateResult migrateHere(Optional<Path> file) {
        Seeding.requireDirectory(config.seedsAfterMigrate); // a mistyped seeds directory is refused before anything is applied
        // a database that does not exist yet holds nothing to back up
        boolean backUp = config.backupsBeforeMigrate != null && Databases.holdsDatabase(databaseFile());
        Migrator migrator = migrator().online(config.online, file.orElse(null), OnlineOptions.defaults()
                .withMaxLock(config.maxLock).withProgress(ProgressLines.to(config.progress, "")));
        Optional<Path> created = NewDatabaseFile.create(config);
        Path[] backup = new Path[1];
        List<String> accepted = new ArrayList<>();
        MigrateResult result;
        try {
            result = withDatabase(true, (c, label) -> {
                try {
                    return migrator.migrate(c, label, (history, conn, allAtOnce) -> {
                        // a damaged page found before anything is written, not halfway; a backup's own check of its copy
                        // (the same pages) does it when one is taken first. Only when something is pending: a boot with
                        // nothing to apply writes nothing, and stays fast
                        if (!backUp) requireUndamaged(conn, label);
                        // lint first: a refused migration leaves nothing behind, not even a backup nobody needs. A new
                        // database migrated in one transaction has no rows for the data rules to count, and every error
                        // lint could find without rows (a file that does not run, VACUUM, ATTACH, ...) stops that
                        // transaction, or is refused before anything runs: lint would only replay every migration once
                        // more. With the file, lint also checks that its volume has room for the rebuilds.
                        if (config.lintBeforeMigrate && !allAtOnce) {
                            accepted.clear();
                            accepted.addAll(Linter.warnings(MigrationLint.requireNoErrors(
                                    migrator.directory(), conn, file.orElse(null), history.pending())));
                        }
                        if (backUp) {
                            backup[0] = backup(config.backupsBeforeMigrate, config.keepBackups).file();
                            LOG.info("backed up {} before migrating: {}", databaseFile(), backup[0]);
                        }
                    }, created.isPresent());
                } catch (LiteShiftException e) {
                    // a journal read from damaged pages looks like an untrustworthy history: say what it really is
                    if (e.reason() == LiteShiftException.Reason.REFUSED_HISTORY) requireUndamaged(c, label);
                    throw e;
                }
            }).withBackup(Optional.ofNullable(backup[0])).withLintWarnings(accepted);
        } catch (RuntimeException e) {
            Optional<String> removed = created.flatMap(NewDatabaseFile::removeIfEmpty);
            if (removed.isPresent() && e instanceof LiteShiftException l) throw new LiteShiftException(l.reason(), l.text() + "\n" + removed.get(), l);
            throw e;
        }
        if (config.seedsAfterMigrate != null || !config.seeders.isEmpty()) seed(config.seedsAfterMigrate, config.seeders);
        return result;
    }

    /**
     * {@code PRAGMA quick_check} (every page and b-tree, about 0.8 s per GB from the page cache): migrating a file with
     * a damaged page writes over it and spreads the damage, so migrate refuses first.
     */
    private void requireUndamaged(Connection c, String label) throws SQLException {
        List<String> problems;
        try {
            problems = Damage.check(c, BackupCheck.QUICK);
        } catch (SQLException e) {
            // nothing is applied yet: a lock held past the lock timeout (in rollback-journal mode a writer that commits
            // or spills locks readers out) is said as BEGIN IMMEDIATE's would be
            if (!Databases.isLocked(e)) throw e;
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot check " + label + " before migrating: "
                    + Databases.keptLocked(config.lockTimeout, recovery(c).database(), Locks.Wanted.READ)
                    + ". Nothing was changed. Run migrate again when it is done, or"
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
        Path file = config.database != null ? DatabaseUrl.toPath(config.database) : Databases.fileOf(c).orElse(null);
        return new Damage.Recovery(file, config.backupsToRestoreFrom());
    }

    /** One read-only look at a replica's database; empty while LiteFS has not replicated the file yet. */
    private Optional<History> replicated(Path file, Migrator migrator) {
        if (!Files.exists(file)) return Optional.empty();
        return Optional.of(withDatabase(false, migrator::readOnlyHistory));
    }

    /** The database's file: configured, or asked of the DataSource (LiteFS's marker is beside it); empty for :memory:. */
    private Optional<Path> fileOfDatabase() {
        if (config.database != null) return Optional.of(DatabaseUrl.toPath(config.database));
        if (config.dataSource == null) return Optional.empty();
        try (Connection c = config.dataSource.getConnection()) {
            return Databases.fileOf(c);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs seed files (each once; {@code R__} files again when they change) and Java seeders. Seeds are written for the
     * migrated schema: run it after {@code migrate()} (or use {@code seedAfterMigrate}); it refuses (NOT_MIGRATED,
     * nothing seeded) while migrations are pending.
     *
     * @param dir the seeds directory, which must exist; null for none (only the Java seeders)
     */
    public SeedResult seed(Path dir, List<Seeder> seeders) {
        Seeding.requireDirectory(dir);
        Optional<Migrator> migrator = directory().exists() ? Optional.of(migrator()) : Optional.empty();
        return withDatabase(true, (c, label) -> Seeding.run(c, label, migrator, dir, seeders));
    }

    /** An online, consistent, verified backup into {@code dir}, named with time and schema version; {@code keep} > 0 prunes. */
    public BackupInfo backup(Path dir, int keep) {
        Configuration.requireKeep(keep);
        return Writes.backedUp(dir, () -> Backups.backup(databaseFile(), dir, keep, config.backupCheck,
                config.lockTimeout, config.progress));
    }

    /** The backups in {@code dir} of the configured database (of every database when none is configured), oldest first. */
    public List<BackupInfo> backups(Path dir) {
        return Backups.list(dir, databaseName());
    }

    /** The partial backups in {@code dir}, as {@link #backups(Path)}: left by stopped backups, or still being written. */
    public List<BackupLeftover> partialBackups(Path dir) {
        return Backups.leftovers(dir, databaseName());
    }

    /** Checks a backup as restore would (manifest SHA-256, integrity_check), changing nothing: what a dry-run restore says. */
    public BackupInfo verifyBackup(Path backup) {
        return Backups.verify(backup);
    }

    /** The configured database's file name, which its backups' names start with; null when none is configured. */
    private String databaseName() {
        return config.database == null ? null : String.valueOf(DatabaseUrl.toPath(config.database).getFileName());
    }

    /** Verifies {@code backup} and swaps it in atomically, keeping the replaced file, owner and mode. */
    public RestoreResult restore(Path backup, boolean force) {
        return Writes.restored(databaseFile(), () -> Backups.restore(backup, databaseFile(), force));
    }

    /**
     * The pending migrations on an online copy of the database, measured and verified; the original is never written.
     * A migrations directory that does not exist is refused, not rehearsed as nothing pending.
     */
    public RehearsalReport rehearse(boolean keepCopy) {
        MigrationDirectory directory = existingDirectory();
        try {
            return Rehearsal.run(databaseFile(), directory,
                    new Rehearsal.Options(keepCopy, config.outOfOrder, config.lockTimeout));
        } catch (RuntimeException e) {
            throw Damage.explained(e, recovery(), databaseFile().toString());
        }
    }

    /**
     * Writes the review page of the pending migrations to {@code out}: against the configured database (only read;
     * lint counts its rows), or, without one, every migration from an empty schema. With {@code rehearse}, they are
     * also rehearsed on a copy of the database and the page shows each one's time and sizes. The page is written
     * all at once or not at all.
     */
    public ReviewResult review(Path out, boolean rehearse) {
        return Reviews.pending(this, config, out, rehearse);
    }

    /**
     * Writes the review page that {@code options} ask for: the pending migrations (as {@link #review(Path, boolean)}),
     * two schemas (as {@link #review(SchemaSource, SchemaSource, Path)}), or the plan a push of the configured
     * declared schema would run on the configured database (as {@link #reviewPush}). Options that do not go together
     * (one side alone, a rehearsal of two schemas or of a push plan) are refused, and nothing is written.
     */
    public ReviewResult review(ReviewOptions options) {
        return Reviews.of(this, config, options);
    }

    /** The runbook's common errors, diagnosed without writing anything. */
    public DoctorReport doctor() {
        Doctor doctor = Doctor.of(databaseFile()).migrations(directory());
        return (config.backupsToRestoreFrom() == null ? doctor : doctor.backups(config.backupsToRestoreFrom())).examine();
    }

    /** As {@link #doctor()}, also looking in {@code backups} for partial backups that stopped processes left. */
    public DoctorReport doctor(Path backups) {
        return Doctor.of(databaseFile()).migrations(directory()).backups(backups).examine();
    }

    /** Backups, restore, rehearsals and the doctor work on the file itself, so they need a path, not a DataSource. */
    private Path databaseFile() {
        if (config.database == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "this needs the database file: set "
                    + Fix.setting(Fix.Setting.DATABASE) + " / DATABASE_URL to its path; a DataSource alone does not say where the file is.");
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

    /**
     * Lints the pending migrations against the configured database's rows (only read), or, with no database configured,
     * every migration from version {@code from} on for what may fail.
     */
    public LintReport lint(int from) {
        MigrationDirectory directory = existingDirectory();
        if (config.dataSource != null) {
            return withDatabase(false, (c, label) -> MigrationLint.lint(directory, c, fileOfDatabase().orElse(null), from));
        }
        return MigrationLint.lint(directory, config.database == null ? null : DatabaseUrl.toPath(config.database), from, config.lockTimeout);
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
        return generate(name, false);
    }

    /**
     * As {@link #generate(String)}; {@code online} marks a migration that rebuilds a table with the
     * {@code -- liteshift:online} header line, so that {@code migrate()} runs its rebuilds online.
     */
    public GenerateResult generate(String name, boolean online) {
        if (config.schemaClass == null) return generator().generate(config.schema, name, online);
        return generator().generate(config.schemaClass, this::declared, name, online);
    }

    /** The generator, with lint's notes for the header of what it writes. */
    private Generator generator() {
        return new Generator(directory(), Linter::headerNotes);
    }

    /** The declared schema as configured, read now: the schema class when one is set, else the schema file. */
    private DeclaredSchema declared() {
        return config.schemaClass == null ? DeclaredSchema.load(config.schema)
                : SchemaClasses.declared(config.schemaClass, config.schemaClassLoader());
    }

    /** Writes a new migration that takes the schema back to what it was after {@code version}. */
    public GenerateResult revert(int version, String name) {
        return generator().revert(version, name);
    }

    /** Creates an empty numbered migration for hand-written SQL. */
    public Path newMigration(String name) {
        return generator().newMigration(name);
    }

    /** Accepts the migrations directory as it is now: the integrity file and the snapshots are written anew. */
    public List<String> hash() {
        return generator().hash();
    }

    /** The migrations as they are now: read again for every command, so a long-lived instance never sees stale files. */
    public MigrationDirectory directory() {
        return MigrationDirectory.at(config.migrations, config.classLoader);
    }

    private Migrator migrator() {
        return new Migrator(existingDirectory(), config.outOfOrder).baselineOnMigrate(config.baselineOnMigrate);
    }

    /** Commands that apply, lint or check migrations need them: a mistyped directory must not read as "nothing to do". */
    private MigrationDirectory existingDirectory() {
        MigrationDirectory directory = directory();
        if (!directory.exists()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the migrations directory "
                    + directory.root().toAbsolutePath() + " does not exist. Check " + Fix.setting(Fix.Setting.MIGRATIONS) + "; `"
                    + Fix.command(Fix.Command.GENERATE) + "` or `" + Fix.command(Fix.Command.INIT) + "` creates it. Nothing was changed.");
        }
        return directory;
    }

    @FunctionalInterface
    private interface DatabaseWork<T> {
        T run(Connection c, String label) throws SQLException;
    }

    private <T> T withDatabase(boolean write, DatabaseWork<T> work) {
        if (config.dataSource != null) return write ? Writes.written(fileOfDatabase(), () -> withDataSource(work)) : withDataSource(work);
        if (config.database == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "no database configured: set "
                    + Fix.setting(Fix.Setting.DATABASE) + " / DATABASE_URL (in Java also dataSource(...)). Nothing was changed.");
        }
        Path file = DatabaseUrl.toPath(config.database);
        boolean existed = Files.exists(file);
        Supplier<T> run = () -> {
            boolean done = false;
            // opened with the lock timeout as its busy timeout, like every connection liteshift opens itself
            try (Connection c = Databases.open(file, write && config.createMissing, !write, config.lockTimeout)) {
                T result = work.run(c, file.toString());
                done = true;
                return result;
            } catch (SQLException e) {
                if (Interruption.stopped(e)) throw new Interrupted("", "nothing was changed.", e);
                if (Databases.isLocked(e)) throw lockedOut(file.toString(), file, e);
                throw Damage.refusalOr(e, recovery(), file.toString(), "cannot work on " + file + ": " + SqliteErrors.message(e));
            } catch (RuntimeException e) {
                // SQLite found the file damaged while opening it, or while this command worked on it (a migration's statement)
                throw Damage.explained(e, recovery(), file.toString());
            } finally {
                if (!done) Databases.removeIfCreatedEmpty(file, existed); // a refused --create leaves no empty file behind
            }
        };
        return write ? Writes.written(Optional.of(file), run) : run.get();
    }

    /** A read that waited the whole lock timeout (in rollback-journal mode a committing writer locks readers out too). */
    private LiteShiftException lockedOut(String database, Path file, SQLException e) {
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot work on " + database + ": "
                + Databases.keptLocked(config.lockTimeout, file, Locks.Wanted.READ)
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
            if (Interruption.stopped(e)) throw new Interrupted("", "nothing was changed.", e);
            if (Databases.isLocked(e)) throw lockedOut("the configured DataSource's database", fileOfDatabase().orElse(null), e);
            throw Damage.refusalOr(e, recovery(), label, "cannot work on the configured DataSource's database: " + SqliteErrors.message(e));
        } catch (RuntimeException e) {
            throw Damage.explained(e, recovery(), label);
        }
    }

    /** A pool's connection comes with the application's busy timeout; liteshift's waits are its own. */
    private void waitForLocks(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, config.lockTimeout.toMillis()));
        }
    }

    /** The plan that takes {@code from} to {@code to}; empty when they are equal. */
    public static Plan diff(SchemaSource from, SchemaSource to) {
        // the two sides are independent: read them side by side (a large declared schema takes SQLite a while)
        CompletableFuture<SchemaSource.Loaded> other = CompletableFuture.supplyAsync(to::load);
        SchemaSource.Loaded a = from.load();
        SchemaSource.Loaded b;
        try {
            b = other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        return Pipeline.plan(a.schema(), b.schema(), from.notYetApplied(b.hints()));
    }

    /**
     * The declared schema of a live database (opened read-only, never created): every table, index, view, trigger and
     * virtual table as canonical DDL, in dependency order, with liteshift's and other tools' bookkeeping tables left
     * out. Written to {@code schema.sql}, it lets {@code push} and {@code generate} start from the database as it is.
     */
    public static PulledSchema pull(String database) {
        Path file = DatabaseUrl.toPath(database);
        try (Connection c = Databases.open(file, false, true)) {
            return Pull.of(c, Inspector.inspect(c), String.valueOf(file.getFileName()));
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                    "cannot read the schema of " + file + ": " + SqliteErrors.message(e) + ". Nothing was written.", e);
        }
    }

    /**
     * Writes the review page of the change from {@code from} to {@code to} (each a database, a schema file or
     * directory, or a migrations directory; see {@link SchemaSource#parse}) to {@code out}: the plan {@code diff}
     * prints, linted, against the rows of {@code from} when it is a database (only read).
     */
    public static ReviewResult review(SchemaSource from, SchemaSource to, Path out) {
        return Reviews.between(from, to, out);
    }

    /**
     * Writes the review page of the plan {@code push} would run on {@code database} to reach {@code declaredSchema},
     * linted against its rows, to {@code out}. Nothing is written to the database.
     */
    public static ReviewResult reviewPush(String database, SchemaSource declaredSchema, Path out) {
        return Reviews.push(database, declaredSchema, out);
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
        return Push.run(database, declaredSchema, options);
    }
}
