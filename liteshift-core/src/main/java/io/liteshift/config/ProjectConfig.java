package io.liteshift.config;

import io.liteshift.Configuration;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.DatabaseUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A project's settings: where its schema, migrations, database and backups are, and how {@code migrate} behaves.
 * They come from {@code liteshift.toml}; command-line flags override the file and {@code DATABASE_URL} overrides
 * its {@code database}. Every path is absolute once loaded, so the values do not depend on where they are used.
 *
 * @param file          the config file that was read, or null when there was none
 * @param database      a path or a file:, sqlite: or jdbc:sqlite: URL (relative parts made absolute), or null when unset
 * @param createMissing create a missing database file
 * @param outOfOrder    apply a pending migration numbered below one already applied
 * @param lockTimeout   how long to wait for another process's lock
 * @param schemaClass   the class that declares the schema in Java (used instead of {@code schema}), or null
 * @param classpath     where that class is found (directories and jars); empty means liteshift's own classpath
 * @param baselineOnMigrate adopt a database with tables and no liteshift history at the migration whose schema it has
 */
public record ProjectConfig(Path file, Path schema, Path migrations, String database, Path backups,
                            boolean createMissing, boolean outOfOrder, Duration lockTimeout, String schemaClass,
                            List<Path> classpath, boolean baselineOnMigrate) {

    public ProjectConfig {
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
    }

    /** Settings that do not adopt databases on migrate ({@code baseline_on_migrate} off). */
    public ProjectConfig(Path file, Path schema, Path migrations, String database, Path backups, boolean createMissing,
                         boolean outOfOrder, Duration lockTimeout, String schemaClass, List<Path> classpath) {
        this(file, schema, migrations, database, backups, createMissing, outOfOrder, lockTimeout, schemaClass, classpath, false);
    }

    /** Settings with the schema declared in a .sql file or directory (no schema class). */
    public ProjectConfig(Path file, Path schema, Path migrations, String database, Path backups,
                         boolean createMissing, boolean outOfOrder, Duration lockTimeout) {
        this(file, schema, migrations, database, backups, createMissing, outOfOrder, lockTimeout, null, List.of());
    }

    public static final String FILE_NAME = "liteshift.toml";

    /**
     * Reads the project's settings. {@code explicit} is the {@code --config} flag (may be null); without it,
     * {@code workingDir/liteshift.toml} is read when it exists, else the defaults apply. Relative paths in the
     * file resolve against the file's directory; defaults resolve against {@code workingDir}. A non-empty
     * {@code DATABASE_URL} in {@code env} overrides {@code database}.
     */
    public static ProjectConfig load(Path explicit, Path workingDir, Map<String, String> env) {
        Path wd = workingDir.toAbsolutePath().normalize();
        ProjectConfig config;
        if (explicit != null) {
            Path file = wd.resolve(explicit).normalize();
            if (!Files.isRegularFile(file)) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the config file " + file
                        + (Files.isDirectory(file) ? " is a directory" : " does not exist")
                        + ". Fix the --config path, or leave --config out to use " + FILE_NAME + " in the current directory.");
            }
            config = ConfigFile.read(file);
        } else {
            Path file = wd.resolve(FILE_NAME);
            config = Files.isRegularFile(file) ? ConfigFile.read(file) : defaults(null, wd);
        }
        String url = env.get("DATABASE_URL");
        return url == null || url.isBlank() ? config : config.withDatabase(DatabaseSpec.resolveAgainst(url, wd));
    }

    /** The settings when nothing is configured, with paths relative to {@code base}. */
    static ProjectConfig defaults(Path file, Path base) {
        return new ProjectConfig(file, base.resolve("schema.sql"), base.resolve("migrations"), null,
                base.resolve("backups"), false, false, Configuration.DEFAULT_LOCK_TIMEOUT);
    }

    /** These settings with the schema file from a flag (which replaces a schema class); null keeps the current one. */
    public ProjectConfig withSchema(Path p) {
        return p == null ? this : new ProjectConfig(file, p, migrations, database, backups, createMissing, outOfOrder, lockTimeout,
                null, classpath, baselineOnMigrate);
    }

    /** These settings with the schema class from a flag (used instead of the schema file); null keeps the current one. */
    public ProjectConfig withSchemaClass(String className) {
        return className == null ? this : new ProjectConfig(file, schema, migrations, database, backups, createMissing, outOfOrder,
                lockTimeout, className, classpath, baselineOnMigrate);
    }

    /** These settings with the schema class's classpath from a flag; null keeps the current one. */
    public ProjectConfig withClasspath(List<Path> entries) {
        return entries == null ? this : new ProjectConfig(file, schema, migrations, database, backups, createMissing, outOfOrder,
                lockTimeout, schemaClass, entries, baselineOnMigrate);
    }

    /** These settings with the migrations directory from a flag; null keeps the current one. */
    public ProjectConfig withMigrations(Path p) {
        return p == null ? this : new ProjectConfig(file, schema, p, database, backups, createMissing, outOfOrder, lockTimeout,
                schemaClass, classpath, baselineOnMigrate);
    }

    /** These settings with the database from a flag or DATABASE_URL; null keeps the current one. */
    public ProjectConfig withDatabase(String url) {
        return url == null ? this : new ProjectConfig(file, schema, migrations, url, backups, createMissing, outOfOrder, lockTimeout,
                schemaClass, classpath, baselineOnMigrate);
    }

    /** What the declared schema is, for messages: the schema class, or the schema file. */
    public String schemaLabel() {
        return schemaClass != null ? "the schema class " + schemaClass : schema.toString();
    }

    /**
     * The library configured with these settings: migrations, schema (or schema class), createMissing, outOfOrder,
     * lock timeout, baselineOnMigrate, backups (where a damaged database's message finds its restore), and the database when one is set. Front ends (the command line, the Maven plugin) add their own
     * options on top, and turn {@code classpath} into a class loader: how to find classes is theirs to know.
     */
    public Configuration configure() {
        Configuration c = LiteShift.configure().migrations(migrations).schema(schema)
                .createMissing(createMissing).outOfOrder(outOfOrder).lockTimeout(lockTimeout).baselineOnMigrate(baselineOnMigrate)
                .backups(backups);
        if (schemaClass != null) c.schemaClass(schemaClass);
        return database == null ? c : c.database(database);
    }

    /** The database's file, or null when no database is set. */
    public Path databaseFile() {
        return database == null ? null : DatabaseUrl.toPath(database);
    }

    /** A duration as the settings write it ("90s", "2m", "1h", or whole seconds), for flags that take one. */
    public static Duration parseDuration(String text) {
        Duration d = ConfigFile.parseDuration(text);
        if (d == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "\"" + text + "\" is not a duration: write e.g. 90s, 5m, 1h, or a whole number of seconds.");
        }
        return d;
    }

    /** The commented starter file that {@code liteshift init} writes; it loads as the defaults. */
    public static String starter() {
        return """
                # liteshift project settings. Relative paths are relative to this file.
                # Command-line flags override these settings; DATABASE_URL overrides `database`.

                # The declared schema: a .sql file, or a directory whose .sql files are read in name order.
                schema = "schema.sql"
                # Or a class that declares it in Java (instead of schema), and where it is compiled:
                # schema_class = "com.example.db.AppSchema"
                # classpath = ["target/classes"]

                # Numbered migrations, their snapshots (meta/) and the integrity file.
                migrations = "migrations"

                # The default database: a path or a file:, sqlite: or jdbc:sqlite: URL.
                # DATABASE_URL overrides it, --db overrides both.
                # database = "file:data/app.db"

                # Where backups are written.
                backups = "backups"

                [migrate]
                # Create a missing database file. Off by default: a mistyped path must not make an empty database.
                create = false
                # Apply a pending migration numbered below one that is already applied.
                out_of_order = false
                # How long to wait for another process's lock: "90s", "2m", "1h", or a number of seconds.
                lock_timeout = "2m"
                # Adopt a database that has tables but no liteshift history (made by hand, drizzle-kit, Flyway) at the
                # migration whose schema it has, then apply the rest. Off: such a database is usually a wrong path.
                baseline_on_migrate = false
                """;
    }
}
