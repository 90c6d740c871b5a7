package io.liteshift.backup;

import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.sqlite.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The fast copy: while a read transaction is open and the database file alone holds its snapshot, the file's bytes
 * are the backup, and the operating system copies them several times faster than SQLite's backup API copies pages.
 *
 * <p>When the file alone holds the snapshot: in rollback-journal mode always (the read transaction's SHARED lock keeps
 * every writer from changing the file until it ends). In WAL mode when every committed frame was in the file when the
 * snapshot began: such a reader promises SQLite to read only the file, so no checkpoint may write into it while the
 * transaction lasts (sqlite.org/walformat.html, "How the various locks are used"). That is arranged by a passive
 * checkpoint just before the transaction and proved by {@code PRAGMA data_version}: unchanged since before the
 * checkpoint means that no other connection committed in between. Otherwise the backup API copies, as before.
 *
 * <p>The copy is made by a child process ({@code cp}), never by this JVM: closing any descriptor of a file releases
 * every POSIX lock the process holds on it, SQLite's own included, so a file opened and closed here would drop the
 * read lock that keeps the snapshot still, and the locks of the application's own connections in this process.
 */
final class FileSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(FileSnapshot.class);

    private FileSnapshot() {
    }

    /**
     * Run before {@code c} begins its read transaction: in WAL mode, checkpoints passively through a connection of
     * its own and returns {@code c}'s data version; -1 when the file will not hold the snapshot (frames left in the
     * WAL, or a file that cannot be checkpointed, e.g. on a read-only mount).
     */
    static long prepare(Connection c, Path db, Duration lockTimeout) {
        try {
            long version = Sqlite.pragma(c, "data_version");
            if (!"wal".equalsIgnoreCase(Sqlite.text(c, "PRAGMA journal_mode"))) return version;
            try (Connection w = Databases.open(db, false, false, lockTimeout); Statement s = w.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                // busy, frames in the WAL, frames now in the file
                return rs.next() && rs.getInt(1) == 0 && rs.getLong(2) == rs.getLong(3) ? version : -1;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("no file copy for {}: {}", db, e.getMessage());
            return -1;
        }
    }

    /**
     * Copies the first {@code bytes} of {@code db} to {@code tmp} when {@code c}'s open read transaction sees the file
     * as it was at {@link #prepare} ({@code before}); false, with nothing left at {@code tmp}, when the backup API has
     * to copy instead.
     */
    static boolean copy(Connection c, long before, Path db, Path tmp, long bytes) throws SQLException {
        if (before < 0 || Sqlite.pragma(c, "data_version") != before) return false; // a commit came in between: the WAL holds part of it
        try {
            Process cp = new ProcessBuilder("cp", db.toString(), tmp.toString()).redirectErrorStream(true).start();
            if (!finished(cp, tmp) || cp.exitValue() != 0) {
                cp.destroyForcibly();
                LOG.debug("cp {} failed: {}", db, new String(cp.getInputStream().readAllBytes()).strip()); // a line or two at most
                Backups.deleteQuietly(tmp);
                return false;
            }
            if (Interruption.requested()) { // an interrupted thread cannot use a FileChannel
                Leftovers.delete(tmp);
                throw new Interrupted("", "", null);
            }
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                if (out.size() < bytes) throw new IOException("the copy has " + out.size() + " bytes, the database " + bytes);
                out.truncate(bytes); // the file may run past the snapshot's last page; SQLite ignores the rest, so may we
            }
            return true;
        } catch (IOException e) {
            LOG.debug("no file copy for {}: {}", db, e.getMessage()); // no cp on this system: the backup API will do
            Backups.deleteQuietly(tmp);
            return false;
        }
    }

    /**
     * Waits for {@code cp}, for up to 10 minutes, looking at {@link io.liteshift.Interruption} every 50 ms: a stop ends
     * it (SIGTERM to the child), waits for it to exit and removes what it wrote.
     */
    private static boolean finished(Process cp, Path tmp) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean interrupted = false;
            try {
                if (cp.waitFor(50, TimeUnit.MILLISECONDS)) return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
            }
            if (interrupted || Interruption.requested()) {
                cp.destroy();
                awaitExit(cp); // it must not write on once its file is gone
                Leftovers.delete(tmp);
                throw new Interrupted("", "", null);
            }
        }
        return false;
    }

    /** Waits for a child that was asked to stop, even on an interrupted thread (whose flag stays set). */
    private static void awaitExit(Process p) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
