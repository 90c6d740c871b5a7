package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.LiteShift;
import io.liteshift.config.ProjectConfig;

import java.time.Duration;

/** The {@link LiteShift} a command works with: the project's settings, with the command's own flags on top. */
final class Setup {
    private Setup() {
    }

    /** For commands that read only the migrations directory (and the schema). */
    static LiteShift files(ProjectOptions project) {
        ProjectConfig c = project.resolve();
        return LiteShift.configure().migrations(c.migrations()).schema(c.schema()).load();
    }

    /** For commands that work on the database too. */
    static LiteShift database(ProjectOptions project, MigrateFlags flags) {
        return configuration(project, flags).load();
    }

    /** The same, before loading, for a command that adds to it. */
    static Configuration configuration(ProjectOptions project, MigrateFlags flags) {
        return configuration(project, flags, project.requireDatabase());
    }

    /** For one database of many ({@code --each}): the project's settings, another database. */
    static Configuration configuration(ProjectOptions project, MigrateFlags flags, String db) {
        ProjectConfig c = project.resolve();
        Duration lock = flags == null || flags.lockTimeout == null ? c.lockTimeout() : flags.lockTimeout;
        Configuration config = c.configure().database(db)
                .createMissing(c.createMissing() || flags != null && flags.create)
                .outOfOrder(c.outOfOrder() || flags != null && flags.outOfOrder)
                .lintBeforeMigrate(flags == null || !flags.force)
                .lockTimeout(lock);
        if (flags != null && flags.replicaTimeout != null) config.replicaTimeout(flags.replicaTimeout);
        return flags != null && flags.backup ? config.backupBeforeMigrate(c.backups(), flags.keep) : config;
    }
}
