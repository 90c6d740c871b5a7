package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lock timeout is the one wait for another process, whatever liteshift is doing when it meets the lock, and
 * running out of it always says so. In rollback-journal mode a writer that commits, or spills a large migration
 * into the file, locks readers out too: opening the database used to wait a fixed 10 s regardless of the lock
 * timeout and then report "Check that it is a SQLite database file" (invalid input), and a read of the history
 * reported a bare "database is locked".
 */
class LockTimeoutTest {
    @TempDir
    Path tmp;
    Project p;

    @BeforeEach
    void onePendingMigration() {
        p = new Project(tmp);
        p.migration("0001_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);");
        p.liteshift().hash();
        p.liteshift().migrate();
        p.migration("0002_b.sql", "CREATE TABLE b (id INTEGER PRIMARY KEY);");
        p.liteshift().hash();
    }

    private LiteShift withTimeout(Duration timeout) {
        return LiteShift.configure().database(p.db.toString()).migrations(p.migrations).lockTimeout(timeout).lintBeforeMigrate(false).load();
    }

    @Test
    void openingWaitsForTheLockTimeoutAndSaysTheDatabaseWasLocked() throws Exception {
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + p.db); Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE"); // readers are locked out, as by a commit or a spilled write
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(300)).migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
                assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
                assertThat(e.getMessage()).contains("another process kept the database locked for more than 300 ms", "Nothing was changed")
                        .doesNotContain("Check that it is a SQLite database file");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(300)).status())
                    .hasMessageContaining("another process kept the database locked for more than 300 ms");
            s.execute("ROLLBACK");
        }
        assertThat(withTimeout(Duration.ofMillis(300)).migrate().applied()).extracting(AppliedMigration::version).containsExactly(2);
    }

    @Test
    void readingTheHistoryThroughADataSourceSaysTheDatabaseWasLocked() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + p.db);
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + p.db); Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            assertThatThrownBy(() -> LiteShift.configure().dataSource(ds).migrations(p.migrations).lockTimeout(Duration.ofMillis(200)).lintBeforeMigrate(false).load().migrate())
                    .isInstanceOfSatisfying(LiteShiftException.class, e -> {
                        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
                        assertThat(e.getMessage()).contains("another process kept the database locked for more than 200 ms",
                                "Nothing was changed by this attempt", "lock timeout");
                    });
            s.execute("ROLLBACK");
        }
        assertThat(p.count("SELECT count(*) FROM liteshift_migrations")).isOne();
    }

    @Test
    void aMigrationThatNeverGotTheLockIsNotCalledFailed() throws Exception {
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + p.db); Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE"); // the write lock only: reading the history works, BEGIN IMMEDIATE waits
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(250)).migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
                assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
                assertThat(e.getMessage()).contains("kept the database locked for more than 250 ms", "Nothing was changed by this attempt",
                        "Not attempted: 0002.").doesNotContain("0 s", "rolled back", "Fix the migration", "liteshift hash");
            });
            s.execute("ROLLBACK");
        }
    }
}
