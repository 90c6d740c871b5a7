package io.liteshift.backup;

import io.liteshift.Await;
import io.liteshift.Interrupted;
import io.liteshift.Owner;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial backups: a backup stopped on its thread removes its own, even while SQLite's backup API copies (which cannot
 * be stopped half way); one a killed process left is removed by the next backup of that database and by --keep
 * pruning, but only when {@link Owner#leftOver} says its process is gone: never the file of a backup still running.
 */
class PartialBackupTest {
    @TempDir
    Path tmp;

    @AfterEach
    void defaults() {
        Backups.pagesPerStep = 16_384;
        Backups.fileCopy = true;
    }

    @Test
    void aBackupApiCopyInterruptedOnItsThreadLeavesNoPartialFile() throws Exception {
        Path db = tmp.resolve("app.db");
        TestDb.exec(db, "CREATE TABLE filler (b BLOB)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) INSERT INTO filler SELECT randomblob(4000) FROM n");
        Backups.fileCopy = false;
        Backups.pagesPerStep = 4; // thousands of steps, each one a chance to notice
        Path dir = tmp.resolve("backups");
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Backups.backup(db, dir);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        t.start();
        Await.until("the backup's partial file", Duration.ofMinutes(1), () -> {
            assertThat(t.isAlive()).as("backup under way: %s", failure.get()).isTrue();
            return !files(dir).isEmpty();
        });
        t.interrupt();
        t.join(60_000);

        assertThat(failure.get()).isInstanceOf(Interrupted.class);
        assertThat(failure.get().getMessage()).startsWith("interrupted during the backup of " + db + ": no backup was written; the partial file .app-")
                .endsWith(".tmp was removed. Nothing was changed.");
        assertThat(files(dir)).as("neither the copy nor SQLite's journal of it").isEmpty();
        assertThat(Backups.list(dir, "app.db")).isEmpty();
    }

    @Test
    void theNextBackupRemovesWhatStoppedProcessesLeftAndNothingElse() throws Exception {
        Path db = tmp.resolve("app.db");
        TestDb.exec(db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('kept')");
        Path dir = Files.createDirectories(tmp.resolve("backups"));
        String host = Owner.current().host();
        String now = Backups.STAMP.format(Instant.now());
        long dead = finishedPid();
        Path killed = partial(dir, "app", "20260101-000000000." + dead + "@" + host, Instant.now(), "", "-journal");
        Path running = partial(dir, "app", now + "." + ProcessHandle.current().pid() + "@" + host, Instant.now(), "");
        Path elsewhereBusy = partial(dir, "app", now + ".42@another-machine", Instant.now(), "");
        Path elsewhereIdle = partial(dir, "app", "20260101-000000001.42@another-machine", Instant.now().minus(Duration.ofDays(2)), "");
        Path olderLiteshift = partial(dir, "app", "20260101-000000002", Instant.now().minus(Duration.ofDays(2)), "", ".manifest");
        Path otherDatabase = partial(dir, "other", "20260101-000000003." + dead + "@" + host, Instant.now(), "");

        Map<String, Boolean> found = Backups.leftovers(dir, "app.db").stream()
                .collect(Collectors.toMap(l -> l.file().getFileName().toString(), BackupLeftover::leftOver));
        assertThat(found).containsOnly(Map.entry(name(killed), true), Map.entry(name(running), false), Map.entry(name(elsewhereBusy), false),
                Map.entry(name(elsewhereIdle), true), Map.entry(name(olderLiteshift), true));
        assertThat(Backups.leftovers(dir, "app.db").stream().filter(l -> l.file().equals(killed)).findFirst().orElseThrow().describe())
                .as("the copy and its journal").isEqualTo(name(killed) + " (32 bytes, pid " + dead + " on " + host + ", no longer running)");

        List<String> lines = new ArrayList<>();
        BackupInfo b = Backups.backup(db, dir, 0, BackupCheck.QUICK, lines::add);

        assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("backup: removed a partial backup that a stopped backup left: "));
        assertThat(files(dir)).map(PartialBackupTest::name).containsExactlyInAnyOrder(name(running), name(elsewhereBusy), name(otherDatabase),
                name(b.file()), name(b.manifest()));
        assertThat(TestDb.text(b.file(), "SELECT body FROM notes")).isEqualTo("kept");
    }

    @Test
    void pruningRemovesStoppedProcessesPartialBackupsToo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("backups"));
        Path killed = partial(dir, "app", "20260101-000000000." + finishedPid() + "@" + Owner.current().host(), Instant.now(), "");
        Backups.prune(dir, "app", 1, null);
        assertThat(killed).doesNotExist();
    }

    /** A partial backup's files, {@code .<db>-<tag>.tmp<suffix>}, 16 bytes each, last written at {@code modified}. */
    private static Path partial(Path dir, String base, String tag, Instant modified, String... suffixes) throws Exception {
        Path tmpFile = dir.resolve("." + base + "-" + tag + ".tmp");
        for (String s : suffixes) {
            Path p = tmpFile.resolveSibling(tmpFile.getFileName() + s);
            Files.write(p, new byte[16]);
            Files.setLastModifiedTime(p, FileTime.from(modified));
        }
        return tmpFile;
    }

    /** The pid of a process that has exited. */
    private static long finishedPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static List<Path> files(Path d) throws Exception {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }
}
