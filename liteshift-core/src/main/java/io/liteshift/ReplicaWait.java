package io.liteshift;

import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.LiteFs;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.History;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.sqlite.SchemaVersion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code migrate} on a LiteFS replica: every write there fails, and the primary applies the migrations, which LiteFS
 * then replicates. So the replica only reads, again and again, until its copy of the journal has every migration of
 * the directory (with the same checksums), or gives up after a bounded wait. The application must not serve a
 * schema older than its code expects, which is why it waits rather than going on at once.
 */
final class ReplicaWait {
    static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TELL_EVERY = Duration.ofSeconds(10);

    /** One look at the replicated database: its history, or empty while LiteFS has not replicated the file yet. */
    @FunctionalInterface
    interface Look {
        Optional<History> history();
    }

    private ReplicaWait() {
    }

    /**
     * @return the result once the schema has arrived; empty when {@code .primary} disappeared meanwhile (this node was
     *         promoted, or lost the primary): then it must migrate as a primary would
     */
    static Optional<MigrateResult> await(Path db, MigrationDirectory dir, Duration timeout, Look look, Consumer<String> progress) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        long nextTell = t0 + TELL_EVERY.toNanos();
        Optional<History> seen = Optional.empty();
        String primary = "";
        while (true) {
            Optional<String> now = LiteFs.primary(db);
            if (now.isEmpty()) return Optional.empty();
            primary = now.get();
            seen = look.history();
            if (seen.isPresent() && seen.get().pending().isEmpty()) return Optional.of(reached(db, seen.get(), primary, t0));
            long left = deadline - System.nanoTime();
            if (left <= 0) throw timedOut(db, dir, seen, primary, timeout);
            if (System.nanoTime() >= nextTell) {
                progress.accept("replica: waiting for the primary (" + primary + ") to migrate: " + where(db, seen, dir)
                        + " (waited " + Databases.describe(since(t0)) + " of " + Databases.describe(timeout) + ")");
                nextTell += TELL_EVERY.toNanos();
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, "interrupted while waiting for the replicated schema"
                        + " (" + where(db, seen, dir) + "). Nothing was written.", e);
            }
        }
    }

    private static MigrateResult reached(Path db, History h, String primary, long t0) {
        List<String> notes = new ArrayList<>();
        notes.add("replica of " + primary + ": the replicated schema of " + db + " reached " + SchemaVersion.label(h.version()) + "; nothing written.");
        if (!h.ahead().isEmpty()) {
            notes.add(db + " has " + h.ahead().stream().map(AppliedMigration::label).collect(Collectors.joining(", "))
                    + " applied, newer than every migration here (an older application version is running).");
        }
        return new MigrateResult(List.of(), List.of(), h.version(), List.of(), notes, since(t0), Optional.empty(), Optional.of(primary));
    }

    private static LiteShiftException timedOut(Path db, MigrationDirectory dir, Optional<History> seen, String primary, Duration timeout) {
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "this node is a LiteFS replica (" + LiteFs.marker(db)
                + " names the primary " + primary + "), so it never writes and waits for the primary's migrations instead; after "
                + Databases.describe(timeout) + " " + where(db, seen, dir) + ".\nCheck the primary (" + primary + "): did it deploy"
                + " this version and migrate (its log, or `" + Fix.command(Fix.Command.STATUS) + "` there)? Is replication running (the LiteFS log"
                + " here)? Then start this node again, or wait longer (" + Fix.setting(Fix.Setting.REPLICA_TIMEOUT) + "). Nothing was written.");
    }

    /** "/data/app.db is at 0002 and these migrations expect 0003 (pending here: 0003_x.sql)". */
    private static String where(Path db, Optional<History> seen, MigrationDirectory dir) {
        List<Migration> files = dir.migrations();
        String expected = files.isEmpty() ? SchemaVersion.label(0) : files.get(files.size() - 1).label();
        if (seen.isEmpty()) {
            return db + " does not exist here yet (LiteFS has not replicated it) and these migrations expect " + expected;
        }
        History h = seen.get();
        return db + " is at " + SchemaVersion.label(h.version()) + " and these migrations expect " + expected + " (pending here: "
                + h.pending().stream().map(Migration::fileName).collect(Collectors.joining(", ")) + ")";
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
