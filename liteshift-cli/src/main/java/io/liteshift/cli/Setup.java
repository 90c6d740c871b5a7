package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.EachDatabase;
import io.liteshift.LiteShift;
import io.liteshift.SchemaSource;
import io.liteshift.config.ProjectConfig;

/** The {@link LiteShift} a command works with: the project's settings, with the command's own flags on top. */
final class Setup {
    private Setup() {
    }

    /** For commands that read only the migrations directory (and the schema). */
    static LiteShift files(ProjectOptions project) {
        ProjectConfig c = project.resolve();
        return declaredSchema(LiteShift.configure().migrations(c.migrations()), c).load();
    }

    /** For commands that read the database when the project names one ({@code lint}), and work without one too. */
    static LiteShift project(ProjectOptions project) {
        ProjectConfig c = project.resolve();
        return declaredSchema(c.configure(), c).load();
    }

    /** The declared schema of the settings: the schema class (with its classpath) when one is set, else the schema file. */
    static Configuration declaredSchema(Configuration config, ProjectConfig c) {
        if (c.schemaClass() == null) return config.schema(c.schema());
        return config.schemaClass(c.schemaClass()).classLoader(SchemaClassOptions.loader(c.classpath()));
    }

    /** The same, as a side of {@code push} or {@code diff}. */
    static SchemaSource declaredSource(ProjectConfig c) {
        if (c.schemaClass() == null) return new SchemaSource.Declared(c.schema());
        return SchemaSource.javaClass(c.schemaClass(), SchemaClassOptions.loader(c.classpath()));
    }

    /** For commands that work on the database too. */
    static LiteShift database(ProjectOptions project, MigrateFlags flags) {
        return configuration(project, flags).load();
    }

    /** The same, before loading, for a command that adds to it. */
    static Configuration configuration(ProjectOptions project, MigrateFlags flags) {
        return configuration(project, flags, project.requireDatabase());
    }

    /**
     * For one database of many ({@code --each}): the project's settings, another database, whose backups are kept
     * apart below the backups directory as the databases are below the glob.
     */
    static Configuration configuration(ProjectOptions project, MigrateFlags flags, EachDatabase.Match db) {
        return configuration(project, flags, db.file().toString()).backups(EachRun.below(project.resolve().backups(), db));
    }

    /** The project's settings with another database. */
    static Configuration configuration(ProjectOptions project, MigrateFlags flags, String db) {
        ProjectConfig c = project.resolve();
        // c.configure() already holds liteshift.toml's createMissing, outOfOrder and lock timeout: a flag only adds to them
        Configuration config = declaredSchema(c.configure(), c).database(db).lintBeforeMigrate(flags == null || !flags.force);
        if (flags == null) return config;
        if (flags.create) config.createMissing(true);
        if (flags.outOfOrder) config.outOfOrder(true);
        if (flags.baselineOnMigrate) config.baselineOnMigrate(true);
        if (flags.lockTimeout.value != null) config.lockTimeout(flags.lockTimeout.value);
        if (flags.replicaTimeout != null) config.replicaTimeout(flags.replicaTimeout);
        if (flags.online.online != null) config.online(flags.online.online);
        config.maxLock(flags.online.maxLock(io.liteshift.PushOptions.DEFAULT_MAX_LOCK, false));
        return flags.backup ? config.backupBeforeMigrate(c.backups(), flags.keep) : config;
    }
}
