package io.liteshift.boot;

import io.liteshift.Await;
import io.liteshift.Configuration;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrating on boot in a LiteFS cluster, through LiteFS's documented contract: a replica has a {@code .primary} file
 * (the primary's hostname and a newline) in the database's directory, the primary has none, and every database has a
 * {@code <db>-pos} file. Replication is simulated by copying the primary's file into the replica's with SQLite's
 * backup API, page by page under SQLite's locks, as LiteFS applies a transaction.
 */
class LiteFsTest {
    private static final String PRIMARY_HOST = "app-primary-1.vm.shop.internal";

    @TempDir
    Path tmp;
    Path migrations;
    Path primary;
    Path replica;

    @BeforeEach
    void twoNodesAtVersionOne() throws Exception {
        migrations = tmp.resolve("migrations");
        Files.writeString(tmp.resolve("v1.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n");
        LiteShift.configure().migrations(migrations).schema(tmp.resolve("v1.sql")).load().generate("notes");
        primary = Files.createDirectories(tmp.resolve("primary")).resolve("app.db");
        replica = Files.createDirectories(tmp.resolve("replica")).resolve("app.db");
        boot(primary).createMissing(true).load().migrate();
        TestDb.exec(primary, "INSERT INTO notes (body) VALUES ('one'), ('two')");
        replicate();
        Files.writeString(replica.resolveSibling(".primary"), PRIMARY_HOST + "\n");
        Files.writeString(tmp.resolve("v2.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, pinned INTEGER NOT NULL DEFAULT 0);\n");
        LiteShift.configure().migrations(migrations).schema(tmp.resolve("v2.sql")).load().generate("pinned");
    }

    private Configuration boot(Path db) {
        return LiteShift.configure().database(db.toString()).migrations(migrations).progress(line -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"delete", "wal"})
    void aReplicaWaitsForTheReplicatedSchemaThenGoesOnWithoutWriting(String journalMode) throws Exception {
        TestDb.exec(primary, "PRAGMA journal_mode = " + journalMode);
        replicate();
        byte[] before = Files.readAllBytes(replica);
        Looks looks = new Looks(replica);
        CompletableFuture<MigrateResult> onReplica = CompletableFuture.supplyAsync(
                () -> boot(replica).dataSource(looks).replicaTimeout(Duration.ofSeconds(30)).load().migrate());
        // one connection says which file it is, then one per look: the replica has looked twice and found 0002 missing
        Await.until("the replica to look twice", Duration.ofSeconds(20), () -> looks.count() >= 3);
        assertThat(onReplica).as("still waiting: the primary has not migrated").isNotDone();
        assertSameBytes(replica, before, "nothing written while waiting");

        MigrateResult onPrimary = boot(primary).load().migrate();
        assertThat(onPrimary.applied()).hasSize(1);
        replicate();
        byte[] replicated = Files.readAllBytes(replica);

        MigrateResult r = onReplica.get(20, TimeUnit.SECONDS);
        assertThat(r.onReplica()).isTrue();
        assertThat(r.replicaOf()).contains(PRIMARY_HOST);
        assertThat(r.version()).isEqualTo(2);
        assertThat(r.applied()).isEmpty();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("replica of " + PRIMARY_HOST, "reached 0002", "nothing written"));
        assertSameBytes(replica, replicated, "the replica holds what replication wrote, nothing more");
        assertThat(TestDb.column(replica, "SELECT body || ':' || pinned FROM notes ORDER BY id")).containsExactly("one:0", "two:0");
        assertThat(TestDb.column(replica, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
    }

    @Test
    void aReplicaThatWaitsInVainFailsNamingVersionsAndThePrimaryAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(replica);
        List<String> filesBefore = files(replica.getParent());

        assertThatThrownBy(() -> boot(replica).replicaTimeout(Duration.ofMillis(700)).load().migrate())
                .isInstanceOfSatisfying(LiteShiftException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
                    assertThat(e.getMessage()).contains(replica.resolveSibling(".primary").toString(), PRIMARY_HOST,
                            "after 700 ms", replica + " is at 0001", "expect 0002", "0002_pinned.sql", "replicaTimeout(...)",
                            "Nothing was written");
                });
        assertSameBytes(replica, before, "the replica's file");
        assertThat(files(replica.getParent())).as("no journal or side file left behind").isEqualTo(filesBefore);
    }

    @Test
    void aReplicaNeverCreatesTheJournalTableNorAMissingFile() throws Exception {
        Path fresh = tmp.resolve("replica").resolve("fresh.db");
        TestDb.exec(fresh, "CREATE TABLE legacy (id INTEGER PRIMARY KEY)");
        byte[] before = Files.readAllBytes(fresh);
        assertThatThrownBy(() -> boot(fresh).replicaTimeout(Duration.ofMillis(300)).load().migrate())
                .hasMessageContaining(fresh + " is at 0000");
        assertSameBytes(fresh, before, "the replica's file");
        assertThat(TestDb.column(fresh, "SELECT count(*) FROM sqlite_schema WHERE name = 'liteshift_migrations'")).containsExactly("0");

        Path missing = tmp.resolve("replica").resolve("not-yet.db");
        assertThatThrownBy(() -> boot(missing).createMissing(true).replicaTimeout(Duration.ofMillis(300)).load().migrate())
                .hasMessageContaining("does not exist here yet").hasMessageContaining("expect 0002");
        assertThat(missing).as("even with createMissing, a replica creates nothing").doesNotExist();
    }

    @Test
    void aReplicaWhoseHistoryCannotBeTrustedFailsAtOnce() throws Exception {
        boot(primary).load().migrate();
        replicate();
        Path first = migrations.resolve("0001_notes.sql");
        Files.writeString(first, Files.readString(first) + "\n-- edited after it was applied\n");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> boot(replica).replicaTimeout(Duration.ofSeconds(30)).load().migrate())
                .isInstanceOfSatisfying(LiteShiftException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
                    assertThat(e.getMessage()).contains("0001_notes.sql", "edited");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("waiting cannot fix an edited migration").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void thePrimaryMigratesAndAReplicaPromotedWhileWaitingMigratesToo() throws Exception {
        Files.writeString(primary.resolveSibling("app.db-pos"), "0000000000000003/ce552e44f23fbbdd\n");
        MigrateResult onPrimary = boot(primary).load().migrate();
        assertThat(onPrimary.onReplica()).isFalse();
        assertThat(onPrimary.applied()).extracting(a -> a.version()).containsExactly(2);
        assertThat(TestDb.column(primary, "SELECT body || ':' || pinned FROM notes ORDER BY id")).containsExactly("one:0", "two:0");

        Looks looks = new Looks(replica);
        CompletableFuture<MigrateResult> onReplica = CompletableFuture.supplyAsync(
                () -> boot(replica).dataSource(looks).replicaTimeout(Duration.ofSeconds(30)).load().migrate());
        Await.until("the replica to look once", Duration.ofSeconds(20), () -> looks.count() >= 2);
        Files.delete(replica.resolveSibling(".primary")); // LiteFS: this node now holds the lease
        MigrateResult promoted = onReplica.get(20, TimeUnit.SECONDS);
        assertThat(promoted.onReplica()).isFalse();
        assertThat(promoted.applied()).extracting(a -> a.version()).containsExactly(2);
        assertThat(TestDb.column(replica, "PRAGMA integrity_check")).containsExactly("ok");
    }

    @Test
    void aWriteRefusedInsideALiteFsMountIsExplained() throws Exception {
        Files.delete(replica.resolveSibling(".primary")); // LiteFS lost the primary: no marker, writes still refused
        Files.writeString(replica.resolveSibling("app.db-pos"), "0000000000000003/ce552e44f23fbbdd\n");
        byte[] before = Files.readAllBytes(replica);

        assertThatThrownBy(() -> LiteShift.configure().dataSource(readOnly(replica)).migrations(migrations).load().migrate())
                .isInstanceOfSatisfying(LiteShiftException.class, e -> assertThat(e.getMessage())
                        .contains("readonly database", "looks like a LiteFS database", "app.db-pos", "Migrate on the primary",
                                "if-candidate"));
        assertSameBytes(replica, before, "the replica's file");

        Files.delete(replica.resolveSibling("app.db-pos"));
        assertThatThrownBy(() -> LiteShift.configure().dataSource(readOnly(replica)).migrations(migrations).load().migrate())
                .as("outside LiteFS, the same failure says nothing about it")
                .hasMessageContaining("readonly database").hasMessageNotContaining("LiteFS");
    }

    @Test
    void aReplicaBehindADataSourceIsRecognisedByItsFile() throws Exception {
        byte[] before = Files.readAllBytes(replica);
        SQLiteDataSource pool = new SQLiteDataSource();
        pool.setUrl("jdbc:sqlite:" + replica);
        assertThatThrownBy(() -> LiteShift.configure().dataSource(pool).migrations(migrations).replicaTimeout(Duration.ofMillis(300))
                .load().migrate()).hasMessageContaining(PRIMARY_HOST).hasMessageContaining("Nothing was written");
        assertSameBytes(replica, before, "the replica's file");
    }

    /** What LiteFS does on a replica: the primary's committed pages, written into the replica's file. */
    private void replicate() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + replica); Statement s = c.createStatement()) {
            s.executeUpdate("restore from '" + primary.toString().replace("'", "''") + "'");
        }
    }

    private static void assertSameBytes(Path file, byte[] expected, String what) throws Exception {
        assertThat(Arrays.equals(Files.readAllBytes(file), expected)).as(what + " is byte for byte as it was").isTrue();
    }

    /** The application's pool for the replica, counting the connections liteshift takes: each look while it waits takes one. */
    private static final class Looks extends SQLiteDataSource {
        private final AtomicInteger taken = new AtomicInteger();

        Looks(Path db) {
            setUrl("jdbc:sqlite:" + db);
        }

        @Override
        public Connection getConnection() throws SQLException {
            taken.incrementAndGet();
            return super.getConnection();
        }

        int count() {
            return taken.get();
        }
    }

    private static SQLiteDataSource readOnly(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + db);
        return ds;
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
