package io.liteshift.maven;

import io.liteshift.Configuration;
import io.liteshift.config.ProjectConfig;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Applies the pending migrations, each once, in order, atomically with its journal row; lints them against the rows
 * first and refuses (changing nothing) on an error unless {@code force}. Other processes migrating the same file wait.
 */
@Mojo(name = "migrate", threadSafe = true)
public final class MigrateMojo extends LiteShiftMojo {
    /** Create the database file if it does not exist (off: a wrong path fails instead of making an empty database). */
    @Parameter(property = "liteshift.createMissing", defaultValue = "false")
    boolean createMissing;

    /** Apply pending migrations older than the newest applied one (after review). */
    @Parameter(property = "liteshift.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    /**
     * Adopt a database that has tables but no liteshift history: baseline it at the migration whose schema it has
     * (checked by replaying the migrations), then apply the rest; default {@code baseline_on_migrate} in liteshift.toml.
     */
    @Parameter(property = "liteshift.baselineOnMigrate", defaultValue = "false")
    boolean baselineOnMigrate;

    /** Migrate even when lint finds errors in the pending migrations (after review). */
    @Parameter(property = "liteshift.force", defaultValue = "false")
    boolean force;

    /** How long to wait for another process's write lock, e.g. 90s, 5m; default lock_timeout in liteshift.toml, 2m. */
    @Parameter(property = "liteshift.lockTimeout")
    String lockTimeout;

    /** Take a backup (into {@code backups}) before applying anything, when something is pending. */
    @Parameter(property = "liteshift.backup", defaultValue = "false")
    boolean backup;

    /** With {@code backup}: keep only the newest N backups of this database (0: all). */
    @Parameter(property = "liteshift.keep", defaultValue = "0")
    int keep;

    /** The backups directory; default {@code backups}, or as set in liteshift.toml. */
    @Parameter(property = "liteshift.backups")
    File backups;

    /** On a LiteFS replica: how long to wait for the primary's migrations, e.g. 90s, 5m; default 60s. */
    @Parameter(property = "liteshift.replicaTimeout")
    String replicaTimeout;

    /**
     * How the rebuilds of pending migrations run. Unset: each migration decides (its {@code -- liteshift:online} line,
     * which {@code liteshift:generate -Dliteshift.online} writes, runs its rebuilds online). {@code true}: every
     * migration's rebuilds online, while the application keeps writing (WAL mode). {@code false}: every migration in
     * one transaction, directives included.
     */
    @Parameter(property = "liteshift.online")
    Boolean online;

    /** Online: the target time in milliseconds each chunk holds the write lock (chunk sizes adapt to it); default 15. */
    @Parameter(property = "liteshift.maxLockMs")
    Long maxLockMs;

    @Override
    void run() {
        String db = requireDatabase();
        // configure() already holds liteshift.toml's createMissing, outOfOrder, baselineOnMigrate and lock timeout: a parameter only adds to them
        Configuration config = configure().database(db).lintBeforeMigrate(!force);
        if (createMissing) config.createMissing(true);
        if (outOfOrder) config.outOfOrder(true);
        if (baselineOnMigrate) config.baselineOnMigrate(true);
        if (lockTimeout != null && !lockTimeout.isBlank()) config.lockTimeout(ProjectConfig.parseDuration(lockTimeout));
        if (replicaTimeout != null && !replicaTimeout.isBlank()) config.replicaTimeout(ProjectConfig.parseDuration(replicaTimeout));
        if (backup) config.backupBeforeMigrate(backupsDirectory(backups), keep);
        if (online != null) config.online(online);
        if (maxLockMs != null) config.maxLock(java.time.Duration.ofMillis(maxLockMs));
        MigrateResult r = config.load().migrate();
        Reports.migrated(r, db, log());
    }
}
