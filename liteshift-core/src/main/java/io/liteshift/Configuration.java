package io.liteshift;

import io.liteshift.backup.BackupCheck;
import io.liteshift.seed.Seeder;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link LiteShift} finds the database and the migrations. Start with {@link LiteShift#configure()}:
 *
 * <pre>{@code
 * MigrateResult r = LiteShift.configure()
 *         .database("file:/data/sqlite.db")
 *         .migrations("classpath:db/migrations")
 *         .load()
 *         .migrate();
 * }</pre>
 */
public final class Configuration {
    /**
     * How long a command waits for another process's lock unless told otherwise: the one default of the Java API,
     * {@code liteshift.toml}, the command line, the Maven plugin and the Spring Boot starter.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(2);

    String database;
    DataSource dataSource;
    String migrations = "migrations";
    Path schema = Path.of("schema.sql");
    String schemaClass;
    boolean createMissing;
    boolean outOfOrder;
    Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    Duration replicaTimeout = Duration.ofSeconds(60);
    /** Null: each migration's {@code -- liteshift:online} directive decides; true or false: every migration's rebuilds. */
    Boolean online;
    Duration maxLock = PushOptions.DEFAULT_MAX_LOCK;
    ClassLoader classLoader = Configuration.class.getClassLoader();
    boolean classLoaderSet;
    boolean lintBeforeMigrate = true;
    boolean baselineOnMigrate;
    Consumer<String> progress = LoggerFactory.getLogger(LiteShift.class)::info;
    Path backupsBeforeMigrate;
    Path backups;
    int keepBackups;
    BackupCheck backupCheck = BackupCheck.QUICK;
    Path seedsAfterMigrate;
    List<Seeder> seeders = List.of();

    Configuration() {
    }

    /** A copy: what {@link #load()} keeps, so that changing this configuration later leaves a loaded instance alone. */
    private Configuration(Configuration other) {
        database = other.database;
        dataSource = other.dataSource;
        migrations = other.migrations;
        schema = other.schema;
        schemaClass = other.schemaClass;
        createMissing = other.createMissing;
        outOfOrder = other.outOfOrder;
        lockTimeout = other.lockTimeout;
        replicaTimeout = other.replicaTimeout;
        online = other.online;
        maxLock = other.maxLock;
        classLoader = other.classLoader;
        classLoaderSet = other.classLoaderSet;
        lintBeforeMigrate = other.lintBeforeMigrate;
        baselineOnMigrate = other.baselineOnMigrate;
        progress = other.progress;
        backupsBeforeMigrate = other.backupsBeforeMigrate;
        backups = other.backups;
        keepBackups = other.keepBackups;
        backupCheck = other.backupCheck;
        seedsAfterMigrate = other.seedsAfterMigrate;
        seeders = other.seeders;
    }

    /** The database file: a path, or a {@code file:}, {@code sqlite:} or {@code jdbc:sqlite:} URL. */
    public Configuration database(String urlOrPath) {
        this.database = Objects.requireNonNull(urlOrPath, "database");
        this.dataSource = null;
        return this;
    }

    /** Connections from the application's pool instead of a file name (each command uses one connection). */
    public Configuration dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.database = null;
        return this;
    }

    /** A directory ({@code migrations}, {@code /app/migrations}) or {@code classpath:db/migrations}; default {@code migrations}. */
    public Configuration migrations(String location) {
        this.migrations = Objects.requireNonNull(location, "migrations");
        return this;
    }

    public Configuration migrations(Path directory) {
        return migrations(directory.toString());
    }

    /** The declared schema that {@code generate} reads: a .sql file or a directory of them; default {@code schema.sql}. */
    public Configuration schema(Path schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.schemaClass = null;
        return this;
    }

    /**
     * The declared schema as a Java class instead of a .sql file: a {@link io.liteshift.dsl.SchemaDefinition}, or a
     * class with one public static no-argument method returning a {@link io.liteshift.dsl.JavaSchema}. It is loaded
     * through {@link #classLoader(ClassLoader)} (by default the thread's context class loader) by {@code generate},
     * {@code verifyDirectory} and everything else that reads the declared schema.
     */
    public Configuration schemaClass(String className) {
        this.schemaClass = Objects.requireNonNull(className, "className");
        return this;
    }

    /**
     * Whether {@code migrate} may create a missing database file. Off by default: a wrong path must fail loudly
     * rather than produce an empty database and "no such table" later.
     */
    public Configuration createMissing(boolean create) {
        this.createMissing = create;
        return this;
    }

    /** Apply pending migrations older than the newest applied one (after reviewing that order does not matter). */
    public Configuration outOfOrder(boolean allow) {
        this.outOfOrder = allow;
        return this;
    }

    /** How long to wait for another process's write lock (e.g. another instance migrating); default {@link #DEFAULT_LOCK_TIMEOUT}. */
    public Configuration lockTimeout(Duration timeout) {
        if (timeout.isNegative()) throw new IllegalArgumentException("lock timeout must not be negative: " + timeout);
        this.lockTimeout = timeout;
        return this;
    }

    /**
     * On a LiteFS replica ({@code .primary} beside the database), how long {@code migrate()} waits for the primary's
     * migrations to arrive by replication before it fails; it never writes there. Default 60 seconds.
     */
    public Configuration replicaTimeout(Duration timeout) {
        if (timeout.isNegative()) throw new IllegalArgumentException("replica timeout must not be negative: " + timeout);
        this.replicaTimeout = timeout;
        return this;
    }

    /**
     * How {@code migrate()} runs the table rebuilds of pending migrations. Not called, each migration decides: the
     * rebuilds of one that {@code generate --online} wrote (its {@code -- liteshift:online} header line) run online,
     * the others in the migration's one transaction. {@code true} runs the rebuilds of every pending migration online:
     * the application keeps writing while rows are copied in chunks of {@link #maxLock} and one brief transaction
     * swaps the tables (it needs WAL mode). {@code false} runs every migration in one transaction, directives
     * included: for a rollback-journal database, or a maintenance window with no writers.
     */
    public Configuration online(boolean rebuildOnline) {
        this.online = rebuildOnline;
        return this;
    }

    /**
     * The target time each chunk of an online rebuild holds the write lock (chunk sizes adapt to it); default 7 ms.
     * Application writers wait at most about this long at a time.
     */
    public Configuration maxLock(Duration target) {
        if (target.isNegative() || target.isZero()) throw new IllegalArgumentException("max lock must be positive: " + target);
        this.maxLock = target;
        return this;
    }

    /**
     * Where {@code classpath:} migrations and the {@link #schemaClass} are looked up; default liteshift's own class
     * loader for migrations and the thread's context class loader for the schema class.
     */
    public Configuration classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "classLoader");
        this.classLoaderSet = true;
        return this;
    }

    /** The loader for the schema class: the one set, else the thread's context class loader (a build tool's project classes). */
    ClassLoader schemaClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return classLoaderSet || context == null ? classLoader : context;
    }

    /**
     * Whether {@code migrate()} first lints the pending migrations against the rows and refuses (REFUSED_DATA,
     * nothing applied) when one has an error; on by default. Off is the command line's {@code --force}.
     */
    public Configuration lintBeforeMigrate(boolean lint) {
        this.lintBeforeMigrate = lint;
        return this;
    }

    /**
     * Whether {@code migrate()} adopts a database that has tables but no liteshift history (made by hand, by drizzle-kit,
     * by Flyway): it is baselined at the one migration whose schema it has, checked by replaying the migrations as
     * {@code baseline} does, and the migrations after that one are applied. Refused, changing nothing, when no
     * migration (or more than one) produces its schema. Off by default: such a database is usually a wrong
     * {@code DATABASE_URL}. Other tools' bookkeeping tables ({@code __drizzle_migrations}, {@code flyway_schema_history},
     * {@code _litestream_*}) are kept and ignored.
     */
    public Configuration baselineOnMigrate(boolean adopt) {
        this.baselineOnMigrate = adopt;
        return this;
    }

    /**
     * Makes {@code migrate()} take an online, verified backup into {@code dir} first, whenever something is pending
     * (the runbook's "back up before deploy", on boot). {@code keep} > 0 deletes the oldest beyond that many.
     */
    public Configuration backupBeforeMigrate(Path dir, int keep) {
        requireKeep(keep);
        this.backupsBeforeMigrate = Objects.requireNonNull(dir, "dir");
        this.keepBackups = keep;
        return this;
    }

    /**
     * Where the database's backups are ({@code backups} in liteshift.toml): when SQLite reports the file damaged, the
     * message names the exact restore command for the newest intact backup there. Default: the directory of
     * {@link #backupBeforeMigrate}, else none.
     */
    public Configuration backups(Path dir) {
        this.backups = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /** How many backups to keep: 0 keeps all; a negative number is refused, whichever front end gave it. */
    static void requireKeep(int keep) {
        if (keep < 0) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, Fix.setting(Fix.Setting.KEEP) + " must be 0 (keep all)"
                    + " or more, not " + keep + ". Nothing was changed.");
        }
    }

    /** Where the damage message looks for backups: {@link #backups}, else where migrate backs up. */
    Path backupsToRestoreFrom() {
        return backups != null ? backups : backupsBeforeMigrate;
    }

    /**
     * How backups (by {@code backup()} and before migrating) are checked before they get their name: {@code QUICK}
     * ({@code PRAGMA quick_check}, the default) or {@code FULL} ({@code integrity_check}). Restore always checks fully.
     */
    public Configuration backupCheck(BackupCheck check) {
        this.backupCheck = Objects.requireNonNull(check, "check");
        return this;
    }

    /**
     * Makes {@code migrate()} run the seeds afterwards: the {@code .sql} files of {@code dir} (may be null) and the
     * given Java seeders, each once per database (repeatable {@code R__} files again when they change).
     */
    public Configuration seedAfterMigrate(Path dir, Seeder... seeders) {
        this.seedsAfterMigrate = dir;
        this.seeders = List.of(seeders);
        return this;
    }

    /** Where progress lines of long work go (a large backup's percentage); default: logged at INFO. */
    public Configuration progress(Consumer<String> lines) {
        this.progress = Objects.requireNonNull(lines, "progress");
        return this;
    }

    /**
     * The configured instance. It keeps a copy of this configuration (as Flyway's {@code configure()...load()} does):
     * changing the configuration afterwards, to load another instance, does not change this one.
     */
    public LiteShift load() {
        return new LiteShift(new Configuration(this));
    }
}
