package io.liteshift.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a file with {@code PRAGMA quick_check} or {@code integrity_check} on the calling thread while a second thread
 * hashes it: each keeps a core busy, and the second read of the file comes from the page cache. Backups and restore
 * both check and hash every file they trust, so this halves the wait on a large one.
 *
 * <p>The hash is only waited for in {@link #sha256()}, so a caller decides which failure it reports first.
 */
final class CheckWhileHashing implements AutoCloseable {
    /** Work that may run beside the check and the hash, such as an fsync. */
    interface SideTask {
        void run() throws IOException;
    }

    private final Path file;
    private final String what;
    private final ExecutorService side;
    private final Future<String> hashing;
    private final Future<?> meanwhile;

    private CheckWhileHashing(Path file, String what, AtomicLong hashed, SideTask also) {
        this.file = file;
        this.what = what;
        this.side = Executors.newFixedThreadPool(also == null ? 1 : 2, r -> {
            Thread t = new Thread(r, "liteshift-backup");
            t.setDaemon(true);
            return t;
        });
        this.hashing = side.submit(() -> FileOps.sha256(file, hashed));
        this.meanwhile = also == null ? null : side.submit(() -> {
            also.run();
            return null;
        });
    }

    /**
     * Starts hashing {@code file} on a second thread, and {@code also} (may be null) on a third.
     *
     * @param what   names the file in the message of an interruption, such as "the backup of app.db"
     * @param hashed counts the bytes hashed so far, for progress reports
     */
    static CheckWhileHashing start(Path file, String what, AtomicLong hashed, SideTask also) {
        return new CheckWhileHashing(file, what, hashed, also);
    }

    /** Runs {@code check} on the file, opened immutable, on this thread; empty when sound: see {@link Damage#check}. */
    List<String> check(BackupCheck check) throws SQLException {
        try (Connection c = Sqlite.openImmutable(file)) {
            return Damage.check(c, check);
        }
    }

    /** Waits for the side task, if any, then for the hash. */
    String sha256() throws IOException {
        try {
            if (meanwhile != null) meanwhile.get();
            return hashing.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking " + what, e);
        }
    }

    /** Stops whatever still runs: after a failed check nobody wants the hash. */
    @Override
    public void close() {
        side.shutdownNow();
    }
}
