package io.liteshift.examples.flyapp;

import io.liteshift.LiteShift;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Litestream setup of the example, with the real {@code litestream} binary (0.3, as the npm package
 * {@code @flydotio/litestream-linux-x64} ships it) replicating to a local file replica: a migration made while
 * Litestream replicates can be undone by a point-in-time restore to just before it, which gives back the old schema
 * and every row, and which liteshift verifies as version 1 (Litestream's own {@code _litestream_*} tables are not
 * part of the schema). Skipped when the binary is not installed; {@code .ci/run} installs it.
 */
class LitestreamRestoreTest {
    private static final String HOW_TO_INSTALL = "Litestream is not installed, so this test is skipped. Set LITESTREAM to the"
            + " litestream binary or put it on PATH: `npm install --no-save --prefix DIR @flydotio/litestream-linux-x64`,"
            + " then LITESTREAM=DIR/node_modules/@flydotio/litestream-linux-x64/litestream (.ci/run does this), or see"
            + " https://litestream.io/install/";

    @TempDir
    Path tmp;
    Path litestream;
    Path db;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        Optional<Path> binary = binary();
        assumeTrue(binary.isPresent(), HOW_TO_INSTALL);
        litestream = binary.get();
        db = tmp.resolve("sqlite.db");
        config = tmp.resolve("litestream.yml");
        // the example's litestream.yml with a file replica instead of the bucket, synced often to keep the test short
        Files.writeString(config, "dbs:\n"
                + "  - path: " + db + "\n"
                + "    replicas:\n"
                + "      - type: file\n"
                + "        path: " + tmp.resolve("replica") + "\n"
                + "        sync-interval: 100ms\n");
    }

    @Test
    void aPointInTimeRestoreToJustBeforeTheMigrationGivesBackTheOldSchemaAndRows() throws Exception {
        Path v1 = TestMigrations.firstVersionOnly(tmp.resolve("migrations-v1"));
        LiteShift.configure().database(db.toString()).migrations(v1).createMissing(true).load().migrate();
        Boot.useWal(db); // as the application's migration step does; Litestream needs WAL
        Notes notes = new Notes(db);
        notes.add("Groceries", "milk, eggs", List.of("home", "errands"));
        notes.add("Fly.io volume", "created in ams", List.of("ops"));
        notes.add("Ideas", "", List.of());
        List<String> v1Notes = Sqlite.rows(db, "SELECT id, title, body, created_at FROM notes ORDER BY id");
        List<String> v1Tags = Sqlite.rows(db, "SELECT note_id, tag FROM note_tags ORDER BY 1, 2");

        Process replicate = new ProcessBuilder(litestream.toString(), "replicate", "-config", config.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("replicate.log").toFile()).start();
        Instant beforeMigration;
        try {
            awaitReplica(r -> Sqlite.value(r, "SELECT count(*) FROM notes").equals("3"));
            beforeMigration = Instant.now();
            Thread.sleep(300); // the replica's WAL segments are stamped with their write time: keep them apart

            LiteShift.configure().database(db.toString()).migrations(TestMigrations.packaged()).load().migrate();
            notes.pin(2);
            notes.add("After the migration", "", List.of("v2"));
            awaitReplica(r -> Sqlite.value(r, "SELECT count(*) FROM notes WHERE pinned = 1").equals("1")
                    && Sqlite.value(r, "SELECT count(*) FROM notes").equals("4"));
        } finally {
            replicate.destroy();
            if (!replicate.waitFor(20, TimeUnit.SECONDS)) replicate.destroyForcibly();
        }

        Path before = restore("before.db", "-timestamp", beforeMigration.toString());
        assertThat(Sqlite.columns(before, "notes")).containsExactly("id", "title", "body", "created_at");
        assertThat(Sqlite.rows(before, "SELECT id, title, body, created_at FROM notes ORDER BY id")).isEqualTo(v1Notes);
        assertThat(Sqlite.rows(before, "SELECT note_id, tag FROM note_tags ORDER BY 1, 2")).isEqualTo(v1Tags);
        assertThat(Sqlite.value(before, "SELECT max(version) FROM liteshift_migrations")).isEqualTo("1");
        assertThat(Sqlite.value(before, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(Sqlite.rows(before, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(Sqlite.rows(before, "SELECT name FROM sqlite_schema WHERE name LIKE '\\_litestream%' ESCAPE '\\'"))
                .as("Litestream's own tables come back too").isNotEmpty();
        assertThat(LiteShift.configure().database(before.toString()).migrations(v1).load().verify())
                .as("exactly version 1: schema as migrated, history intact, nothing pending").isEmpty();

        Path latest = restore("latest.db");
        assertThat(Sqlite.rows(latest, "SELECT id, title, pinned FROM notes ORDER BY id"))
                .containsExactly("1|Groceries|0", "2|Fly.io volume|1", "3|Ideas|0", "4|After the migration|0");
        assertThat(Sqlite.rows(latest, "SELECT note_id, tag FROM note_tags WHERE note_id < 4 ORDER BY 1, 2")).isEqualTo(v1Tags);
        assertThat(LiteShift.configure().database(latest.toString()).migrations(TestMigrations.packaged()).load().verify())
                .isEmpty();
    }

    /** Restores the replica into {@code name} (with the extra flags); fails with Litestream's output if it cannot. */
    private Path restore(String name, String... flags) throws Exception {
        Path out = tmp.resolve(name);
        Files.deleteIfExists(out);
        Path log = tmp.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(litestream.toString(), "restore", "-config", config.toString(), "-o", out.toString()));
        command.addAll(List.of(flags));
        command.add(db.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("litestream restore finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return out;
    }

    private interface Check {
        boolean holds(Path restored) throws SQLException;
    }

    /** Waits until a restore of the newest replicated state passes {@code check}: the replica has caught up. */
    private void awaitReplica(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                if (check.holds(restore("probe.db"))) return;
            } catch (AssertionError | SQLException notYet) {
                // no snapshot yet, or not all of it replicated
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replica did not catch up within 20 s:\n" + Files.readString(tmp.resolve("replicate.log")));
            }
            Thread.sleep(200);
        }
    }

    /** $LITESTREAM, else litestream on the PATH. */
    static Optional<Path> binary() {
        String configured = System.getenv("LITESTREAM");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            assertThat(p).as("LITESTREAM=" + configured + " must be the litestream binary").isRegularFile().isExecutable();
            return Optional.of(p);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, "litestream"))
                .filter(Files::isExecutable).findFirst();
    }
}
