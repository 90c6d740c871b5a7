package io.liteshift.cli;

import io.liteshift.config.ProjectConfig;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The flags of commands that apply migrations. */
final class MigrateFlags {
    @Option(names = "--create", description = "create the database file if it does not exist (off: a wrong path fails instead"
            + " of making an empty database)")
    boolean create;

    @Option(names = "--out-of-order", description = "apply pending migrations older than the newest applied one (after review)")
    boolean outOfOrder;

    @Mixin
    LockTimeoutOption lockTimeout;

    @picocli.CommandLine.Mixin
    OnlineOption online;

    @Option(names = "--replica-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "on a LiteFS replica (.primary beside the database), how long to wait for the primary's migrations"
                    + " to arrive; a replica never writes (default 60s)")
    Duration replicaTimeout;

    @Option(names = "--backup", description = "take a backup (into the backups directory) before applying anything, when something is pending")
    boolean backup;

    @Option(names = "--keep", paramLabel = "N", description = "with --backup: keep only the N newest backups of this database (default: all)")
    int keep;

    @Option(names = "--force", description = "migrate even when lint finds errors in the pending migrations (after review)")
    boolean force;

    @Option(names = "--baseline-on-migrate", description = "adopt a database that has tables but no liteshift history: baseline it at"
            + " the migration whose schema it has (checked), then apply the rest (or baseline_on_migrate in liteshift.toml)")
    boolean baselineOnMigrate;

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        public Duration convert(String value) {
            return ProjectConfig.parseDuration(value);
        }
    }
}
