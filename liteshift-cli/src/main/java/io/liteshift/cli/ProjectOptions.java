package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import io.liteshift.config.DatabaseSpec;
import io.liteshift.config.ProjectConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the project's files and database are: flags, then DATABASE_URL, then liteshift.toml, then the defaults.
 * Commands mix this in and call {@link #resolve()}.
 */
final class ProjectOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "the project settings (default: ./liteshift.toml when it exists)")
    Path config;

    @Option(names = "--db", paramLabel = "DB",
            description = "the database: a path, file: or jdbc:sqlite: URL (default: $DATABASE_URL, then database in liteshift.toml)")
    String db;

    @Option(names = "--dir", paramLabel = "DIR", description = "the migrations directory (default: migrations, or as set in liteshift.toml)")
    Path dir;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "the declared schema: a .sql file or a directory of them (default: schema.sql, or as set in liteshift.toml)")
    Path schema;

    @Mixin
    SchemaClassOptions javaSchema = new SchemaClassOptions();

    private ProjectConfig resolved;

    /** The settings in force; relative flags resolve against the current directory. */
    ProjectConfig resolve() {
        if (resolved == null) resolved = resolve(System.getenv());
        return resolved;
    }

    ProjectConfig resolve(Map<String, String> env) {
        Path wd = workingDir();
        if (schema != null && javaSchema.schemaClass != null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "--schema and --schema-class were both given:"
                    + " the declared schema is either a .sql file or a Java class. Pass one of them.");
        }
        ProjectConfig c = ProjectConfig.load(config, wd, env)
                .withSchema(schema == null ? null : wd.resolve(schema).normalize())
                .withSchemaClass(javaSchema.schemaClass)
                .withClasspath(javaSchema.entries(wd));
        if (javaSchema.classpath != null && c.schemaClass() == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "--classpath says where the schema class is"
                    + " compiled, but no schema class is given. Add --schema-class CLASS (or schema_class in "
                    + ProjectConfig.FILE_NAME + "), or leave --classpath out.");
        }
        return c
                .withMigrations(dir == null ? null : wd.resolve(dir).normalize())
                .withDatabase(db == null ? null : DatabaseSpec.resolveAgainst(db, wd));
    }

    /** The database to work on, or an error that says the three ways to give one. */
    String requireDatabase() {
        ProjectConfig c = resolve();
        if (c.database() == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "no database given: pass --db, set DATABASE_URL, or set database in " + ProjectConfig.FILE_NAME
                            + " (" + (c.file() != null ? "read " + c.file() : "looked in " + workingDir()) + ").");
        }
        return c.database();
    }

    /** The current directory. A property rather than the process's real directory, so that tests can set it. */
    static Path workingDir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }
}
