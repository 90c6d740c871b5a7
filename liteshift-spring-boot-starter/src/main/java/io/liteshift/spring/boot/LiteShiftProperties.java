package io.liteshift.spring.boot;

import io.liteshift.backup.BackupCheck;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code spring.liteshift.*}: one property per setting of liteshift's boot API ({@code LiteShift.configure()}), with
 * the same defaults.
 *
 * @param enabled            Whether liteshift migrates the database on startup.
 * @param location           The migrations directory: classpath:db/migrations (packaged in the jar, with liteshift.sum
 *                           and meta/) or a file system path. One directory, since the integrity file chains its
 *                           migrations in order.
 * @param url                The database to migrate instead of the application's DataSource: a path, or a file:,
 *                           sqlite: or jdbc:sqlite: URL.
 * @param createMissing      Whether a missing database file may be created. Off, a wrong path fails startup rather
 *                           than giving an empty database and "no such table" later.
 * @param outOfOrder         Whether to apply pending migrations older than the newest applied one (after reviewing
 *                           that their order does not matter).
 * @param lintBeforeMigrate  Whether to lint the pending migrations against the rows first and refuse, applying
 *                           nothing, when one has an error (off is the command line's --force).
 * @param lockTimeout        How long to wait for another process's write lock, such as another instance migrating.
 *                           Default: liteshift's own, 2 minutes (Configuration.DEFAULT_LOCK_TIMEOUT).
 * @param replicaTimeout     On a LiteFS replica (.primary beside the database), how long to wait for the primary's
 *                           migrations to arrive by replication before startup fails. A replica never writes.
 * @param baselineOnMigrate  Whether to adopt a database that has tables but no liteshift history, instead of
 *                           refusing it.
 * @param online             How the table rebuilds of pending migrations run. Unset, each migration decides: one that
 *                           `liteshift generate --online` marked (its -- liteshift:online line) copies its rows in
 *                           short chunks while the application keeps writing (WAL mode). true: every migration's
 *                           rebuilds online; false: every migration in one transaction, marked ones included.
 * @param maxLock            Online: the target time each chunk of a rebuild holds the write lock (chunk sizes adapt).
 * @param backup             A verified backup before migrating, whenever something is pending.
 * @param seeds              Seed data after migrating.
 */
@ConfigurationProperties("spring.liteshift")
public record LiteShiftProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("classpath:db/migrations") String location,
        String url,
        @DefaultValue("false") boolean createMissing,
        @DefaultValue("false") boolean outOfOrder,
        @DefaultValue("true") boolean lintBeforeMigrate,
        Duration lockTimeout,
        @DefaultValue("60s") Duration replicaTimeout,
        @DefaultValue("false") boolean baselineOnMigrate,
        Boolean online,
        @DefaultValue("7ms") Duration maxLock,
        @DefaultValue Backup backup,
        @DefaultValue Seeds seeds) {

    /**
     * {@code spring.liteshift.backup.*}.
     *
     * @param directory Where backups go. A backup is taken only when this is set, the database file exists and a
     *                  migration is pending.
     * @param keep      How many backups of the database to keep in the directory; 0 keeps them all.
     * @param check     How a backup is checked before it is named: QUICK (PRAGMA quick_check) or FULL (PRAGMA
     *                  integrity_check, slower on indexed tables).
     */
    public record Backup(Path directory, @DefaultValue("0") int keep, @DefaultValue("QUICK") BackupCheck check) {
    }

    /**
     * {@code spring.liteshift.seeds.*}. Seeder beans of the application run too, after the files.
     *
     * @param directory A directory of .sql seed files, each run once per database (R__ files again when they change).
     */
    public record Seeds(Path directory) {
    }
}
