package io.liteshift.backup;

import io.liteshift.Fix;
import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.Databases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts a backup in place of a database file so that every process opening the path sees either the old file or
 * the new one, complete:
 * <ol>
 * <li>the backup is verified (manifest size and SHA-256, {@code integrity_check});</li>
 * <li>it is copied beside the target under a temporary name, given the target's owner, group and mode, fsynced;</li>
 * <li>the target is opened: a database in WAL mode is switched to rollback-journal mode, which checkpoints and
 *     removes its {@code -wal} and succeeds only when no other connection has the file open; then
 *     {@code BEGIN IMMEDIATE} proves no other process is writing. Either failing refuses the restore, unless forced;</li>
 * <li>holding that lock, the old file gets a second name ({@code <db>.replaced-<time>}, a hard link), any leftover
 *     {@code -wal}, {@code -shm} or {@code -journal} is moved beside it (a stale WAL applied to the new file would
 *     corrupt it), and the copy is renamed over the target in one atomic rename.</li>
 * </ol>
 */
final class Restore {
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal"};
    /** {@code .<db>.restore-<stamp>}: the copy being put in place. */
    static final String RESTORING = ".restore-";
    /** {@code <db>.replaced-<stamp>}: the old database, kept aside with its side files. */
    static final String REPLACED = ".replaced-";

    private Restore() {
    }

    static BackupInfo verify(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw invalid("the backup " + backup + " does not exist.");
        }
        Map<String, String> m = Manifest.read(backup);
        if (m.get("sha256") == null) {
            throw invalid("the backup " + backup + " has no manifest (" + Manifest.of(backup).getFileName()
                    + "), so it cannot be verified. Restore only backups made by liteshift backup.");
        }
        try {
            long size = Files.size(backup);
            if (m.get("size") != null && Long.parseLong(m.get("size")) != size) {
                throw invalid("the backup " + backup + " is damaged: it has " + size + " bytes, its manifest says " + m.get("size")
                        + ". Nothing was changed. Restore another backup.");
            }
            String sha;
            List<String> problems;
            try (CheckWhileHashing side = CheckWhileHashing.start(backup, "the backup " + backup, new AtomicLong(), null)) {
                SQLException unreadable = null;
                try {
                    problems = side.check(BackupCheck.FULL);
                } catch (SQLException e) {
                    problems = null;
                    unreadable = e;
                }
                // a damaged file says so first, whatever the check made of it
                sha = side.sha256();
                if (!sha.equalsIgnoreCase(m.get("sha256"))) {
                    throw invalid("the backup " + backup + " is damaged: its SHA-256 is " + sha + ", its manifest says " + m.get("sha256")
                            + ". Nothing was changed. Restore another backup.");
                }
                if (unreadable != null) throw unreadable;
            }
            if (!problems.isEmpty()) {
                throw invalid("the backup " + backup + " fails PRAGMA integrity_check: " + Damage.summary(problems)
                        + ". Nothing was changed. Restore another backup.");
            }
            int version = m.get("version") == null ? 0 : Integer.parseInt(m.get("version"));
            String base = m.getOrDefault("file", backup.getFileName().toString());
            Instant taken = m.get("taken") == null ? Instant.EPOCH : Instant.parse(m.get("taken"));
            return new BackupInfo(backup, FileOps.baseName(Path.of(base)), taken, version, size, sha, m.get("source"));
        } catch (SQLException e) {
            throw invalid("the backup " + backup + " cannot be read as a SQLite database: " + SqliteErrors.message(e)
                    + ". Nothing was changed. Restore another backup.");
        } catch (IOException e) {
            throw Sqlite.failed("cannot read the backup " + backup, e);
        }
    }

    static RestoreResult run(Path backup, Path target, boolean force) {
        try {
            return swap(backup, target, force);
        } catch (LiteShiftException e) {
            // every step before the rename leaves the target as it was; the rename itself is one atomic step
            if (!Interruption.stopped(e)) throw e;
            throw new Interrupted("the restore of " + backup + " over " + target, target + " is as it was; the copy"
                    + " beside it was removed. Nothing was changed.", e);
        }
    }

    private static RestoreResult swap(Path backup, Path target, boolean force) {
        BackupInfo info = verify(backup);
        Path db = target.toAbsolutePath().normalize();
        Path dir = db.getParent();
        if (!Files.isDirectory(dir)) throw invalid("the directory " + dir + " of the database does not exist.");
        String stamp = Backups.STAMP.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Path tmp = dir.resolve("." + db.getFileName() + RESTORING + stamp);
        try {
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(db)) copyOwnerAndMode(db, tmp);
            FileOps.fsync(tmp);
            if (!Files.exists(db)) {
                Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE);
                FileOps.fsyncDir(dir);
                return new RestoreResult(db, null, List.of(), info);
            }
            Connection c = lock(db, force);
            try {
                Path replaced = dir.resolve(db.getFileName() + REPLACED + stamp);
                try {
                    Files.createLink(replaced, db);
                } catch (UnsupportedOperationException | IOException e) {
                    // no hard links here: a copy keeps the old content too (the target keeps its name throughout)
                    Files.copy(db, replaced, StandardCopyOption.COPY_ATTRIBUTES);
                }
                List<Path> moved = new ArrayList<>();
                for (String suffix : SIDE_FILES) {
                    Path side = dir.resolve(db.getFileName() + suffix);
                    if (Files.exists(side, LinkOption.NOFOLLOW_LINKS)) {
                        Path to = dir.resolve(replaced.getFileName() + suffix);
                        Files.move(side, to, StandardCopyOption.ATOMIC_MOVE);
                        moved.add(to);
                    }
                }
                Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                FileOps.fsyncDir(dir);
                return new RestoreResult(db, replaced, moved, info);
            } finally {
                release(c);
            }
        } catch (IOException e) {
            // a directory (or mount) this user cannot write: the facade adds doctor's diagnosis, which says which, and the fix
            throw Sqlite.failed("the restore of " + db + " failed before the swap; the database was not changed", e);
        } finally {
            Backups.deleteQuietly(tmp);
        }
    }

    /**
     * Takes the target's write lock after making sure no other connection uses it; null when forced past a refusal.
     * The connection is left with a transaction open: closing it later only rolls back a read.
     */
    private static Connection lock(Path db, boolean force) {
        Connection c;
        try {
            c = Databases.open(db, !Databases.holdsDatabase(db), false, LOCK_WAIT); // a 0-byte target is replaced like any other
        } catch (LiteShiftException e) {
            if (force) return null;
            if (e.reason() == LiteShiftException.Reason.FAILED) throw refused(db, "another process is writing to it");
            throw new LiteShiftException(e.reason(), e.text() + " Nothing was changed; " + Fix.setting(Fix.Setting.FORCE_RESTORE) + " replaces it anyway.", e);
        }
        try (Statement s = c.createStatement()) {
            String mode = Sqlite.text(c, "PRAGMA journal_mode");
            if (mode.equalsIgnoreCase("wal")) {
                // leaving WAL needs an exclusive lock: it fails while any other connection has the file open in WAL mode
                String now = Sqlite.text(c, "PRAGMA journal_mode = DELETE");
                if (!now.equalsIgnoreCase("delete")) throw new SQLException("database is locked (still in " + now + " mode)");
            }
            s.execute("BEGIN IMMEDIATE");
            return c;
        } catch (SQLException e) {
            release(c);
            if (force) return null;
            if (Databases.isLocked(e) || String.valueOf(e.getMessage()).contains("locked")) {
                throw refused(db, "another process has it open in WAL mode or is writing to it");
            }
            throw Sqlite.failed("cannot lock " + db + " for the restore; nothing was changed", e);
        }
    }

    private static void release(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            // closing only ends a transaction that wrote nothing
        }
    }

    private static void copyOwnerAndMode(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) return; // not a POSIX file system: the new file keeps the defaults
        PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
        view.setPermissions(a.permissions());
        try {
            view.setGroup(a.group());
            view.setOwner(a.owner());
        } catch (IOException e) {
            throw new IOException("cannot give the restored file the owner " + a.owner().getName() + ":" + a.group().getName()
                    + " of " + from.getFileName() + " (" + e.getMessage() + "); run the restore as that user or as root", e);
        }
    }

    private static LiteShiftException refused(Path db, String why) {
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "refusing to restore over " + db + ": " + why
                + ". Nothing was changed. Stop the application (or wait for it to finish writing) and run again;"
                + " " + Fix.setting(Fix.Setting.FORCE_RESTORE) + " restores anyway, and whatever that process writes meanwhile is lost.");
    }

    private static LiteShiftException invalid(String message) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, message);
    }
}
