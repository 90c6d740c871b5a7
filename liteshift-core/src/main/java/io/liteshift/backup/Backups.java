package io.liteshift.backup;

import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.Databases;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.sqlite.SchemaVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Online backups of a SQLite file while the application keeps writing, and their listing and retention.
 *
 * <p>The copy is made with SQLite's online backup API (through sqlite-jdbc) from a connection that holds one read
 * transaction for the whole copy, so the backup is exactly the database as of one commit, however many chunks
 * it is copied in. {@code VACUUM INTO} is just as consistent and, measured, about as fast (docs/benchmarks.md,
 * section 4), but it is one statement: it cannot be stepped, so it cannot report progress, and it rebuilds every
 * table and index instead of copying the pages as they are.
 *
 * <p>A backup is written under a temporary name, checked ({@link BackupCheck}: {@code PRAGMA quick_check} by default,
 * {@code integrity_check} on request; restore always runs the latter), hashed, fsynced,
 * its manifest written, and only then renamed to its final name: a file with a backup's name is always complete.
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    /** {@link #STAMP}'s text as a regular expression. */
    private static final String STAMP_DIGITS = "\\d{8}-\\d{9}";
    private static final Pattern NAME = Pattern.compile("(.+)-(" + STAMP_DIGITS + ")-v(\\d+)\\.sqlite");
    /** {@code .<base>-<stamp>.<pid>@<host>.tmp}: a backup being written and checked ({@link Leftovers}). */
    private static final String TMP = Leftovers.TMP;
    /** How long a backup waits for another process's lock unless told: what it always waited. */
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    /**
     * What a backup or a restore leaves beside the files it names: manifests (also of a temporary copy), the old
     * database a restore put aside with its side files, and the temporary copies of either when it was stopped.
     */
    private static final Pattern LEFTOVER = Pattern.compile(".*" + Pattern.quote(Manifest.SUFFIX)
            + "|.*" + Pattern.quote(Restore.REPLACED) + STAMP_DIGITS + ".*"
            + "|\\..*(" + Pattern.quote(TMP) + "|" + Pattern.quote(Restore.RESTORING) + STAMP_DIGITS + ")");
    /** 16,384 pages (64 MiB at the default page size) per step: large enough to be fast, small enough for progress. */
    static int pagesPerStep = 16_384; // tests make it small to copy in many steps
    static Duration progressEvery = Duration.ofSeconds(2); // quiet for a backup that takes less; tests make it zero
    static boolean fileCopy = true; // tests turn it off to exercise the backup API on any file

    private Backups() {
    }

    /** {@link #backup(Path, Path, int, BackupCheck, Consumer)} keeping every backup, quick-checked, reporting no progress. */
    public static BackupInfo backup(Path database, Path dir) {
        return backup(database, dir, 0, BackupCheck.QUICK, s -> { });
    }

    /**
     * Takes a verified backup of {@code database} into {@code dir} (created when missing).
     *
     * @param keep     when positive, the backups of this database beyond the newest {@code keep} are deleted afterwards
     *                 (never the new one)
     * @param check    how the copy is checked before it gets its name
     * @param progress receives a line such as "backup: 42% of 1.0 GiB" every few seconds while a large copy runs
     */
    public static BackupInfo backup(Path database, Path dir, int keep, BackupCheck check, Consumer<String> progress) {
        return backup(database, dir, keep, check, DEFAULT_LOCK_TIMEOUT, progress);
    }

    /**
     * As {@link #backup(Path, Path, int, BackupCheck, Consumer)}, waiting up to {@code lockTimeout} for another process's
     * lock (in rollback-journal mode a writer that commits keeps readers out). It first removes the partial backups of
     * this database that stopped processes left in {@code dir} ({@link BackupLeftover}). Stopped by
     * {@link io.liteshift.Interruption}, it removes its own partial copy and throws {@link io.liteshift.Interrupted}.
     */
    public static BackupInfo backup(Path database, Path dir, int keep, BackupCheck check, Duration lockTimeout, Consumer<String> progress) {
        Path db = database.toAbsolutePath().normalize();
        if (Files.isRegularFile(db) && !Databases.holdsDatabase(db)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the database " + db + " is an empty file"
                    + " (0 bytes), not a database: there is nothing to back up, and a 0-byte backup would restore nothing."
                    + " Check --db / DATABASE_URL. Nothing was written.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot create the backup directory " + dir + ": "
                    + e.getMessage() + ". Nothing was changed.", e);
        }
        for (BackupLeftover l : Leftovers.removeStale(dir, FileOps.baseName(db))) {
            progress.accept("backup: removed a partial backup that a stopped backup left: " + l.describe());
        }
        try (Progress steps = new Progress(progressEvery, progress)) {
            return take(db, dir, keep, check, lockTimeout, steps);
        }
    }

    /**
     * The partial backups in {@code dir} (of {@code database}, a file or base name as for {@link #list}; all when null):
     * those stopped processes left, which the next backup removes, and those still being written.
     */
    public static List<BackupLeftover> leftovers(Path dir, String database) {
        return Leftovers.find(dir, database == null ? null : FileOps.baseName(Path.of(database)));
    }

    private static BackupInfo take(Path db, Path dir, int keep, BackupCheck check, Duration lockTimeout, Progress steps) {
        String base = FileOps.baseName(db);
        Instant taken = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path tmp = Leftovers.tmpName(dir, base, taken);
        Damage.Recovery recovery = new Damage.Recovery(db, dir);
        try {
            return written(db, dir, tmp, taken, keep, check, lockTimeout, recovery, steps);
        } catch (RuntimeException e) {
            boolean removed = Leftovers.delete(tmp); // whatever stopped it: no partial file stays behind
            if (Interruption.stopped(e)) {
                throw new Interrupted("the backup of " + db, "no backup was written; " + (removed
                        ? "the partial file " + tmp.getFileName() + " was removed" : "the partial file " + tmp + " could not be removed;"
                        + " the next backup removes it") + ". Nothing was changed.", e);
            }
            throw Damage.explained(e, recovery, db.toString());
        }
    }

    private static BackupInfo written(Path db, Path dir, Path tmp, Instant taken, int keep, BackupCheck check, Duration lockTimeout,
                                      Damage.Recovery recovery, Progress steps) {
        String base = FileOps.baseName(db);
        int version;
        long t0 = System.nanoTime();
        try (Connection c = Databases.open(db, false, true, lockTimeout)) {
            version = copy(c, db, tmp, lockTimeout, steps);
        } catch (SQLException e) {
            if (SqliteErrors.isDamage(e)) throw Damage.refusalOr(e, recovery, db.toString(), "");
            throw failed("the backup of " + db + " failed", db, tmp, e);
        }
        Interruption.check("the backup of " + db, () -> "");
        try {
            long t1 = System.nanoTime();
            String sha = checkHashAndSync(tmp, check, recovery, steps);
            Interruption.check("the backup of " + db, () -> ""); // the last moment before it gets its name
            long size = Files.size(tmp);
            LOG.debug("backup of {}: copy {} ms, then {}, SHA-256 and fsync {} ms", db, (t1 - t0) / 1_000_000, check.pragma(),
                    (System.nanoTime() - t1) / 1_000_000);
            Path file = freeName(dir, base, taken, version);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("file", file.getFileName().toString());
            m.put("sha256", sha);
            m.put("size", Long.toString(size));
            m.put("source", db.toString());
            m.put("taken", taken.toString());
            m.put("version", Integer.toString(version));
            m.put("check", check.pragma());
            m.put("integrity", "ok");
            // the manifest first, the backup's final name last: a file with a backup's name always has its manifest
            Path manifestTmp = Manifest.of(tmp);
            Files.writeString(manifestTmp, Manifest.render(m), StandardCharsets.UTF_8);
            FileOps.fsync(manifestTmp);
            Files.move(manifestTmp, Manifest.of(file), StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            FileOps.fsyncDir(dir);
            BackupInfo info = new BackupInfo(file, base, parseStamp(file), version, size, sha, db.toString());
            if (keep > 0) prune(dir, base, keep, file);
            return info;
        } catch (SQLException e) {
            // the copy holds the source's pages as they are: a copy SQLite cannot read is a damaged source
            if (SqliteErrors.isDamage(e)) throw Damage.refusalOr(e, recovery, db.toString(), "");
            throw failed("checking the backup of " + db + " failed", db, tmp, e);
        } catch (IOException e) {
            throw failed("writing the backup of " + db + " failed", db, tmp, e);
        }
    }

    /**
     * A failure of the copy, the check or the writes, said for what caused it: a full backup volume (with what it has
     * and what the backup needs), or SQLite's message. Why a directory cannot be written is doctor's to say, which sits
     * above this package: the facade adds it.
     */
    private static LiteShiftException failed(String what, Path db, Path tmp, Exception e) {
        if (Interruption.stopped(e)) return new Interrupted("", "", e); // take() says it properly
        if (DiskSpace.isFull(e)) {
            return new LiteShiftException(LiteShiftException.Reason.FAILED, DiskSpace.full(tmp.getParent(), "writing"
                    + " the backup of " + db, null) + "; the backup needs about " + Bytes.exactly(sizeOf(db)) + ", the"
                    + " size of the database. The partial file was removed. Free space in " + tmp.getParent() + " (older backups: --keep N), or"
                    + " back up to another volume (--to DIR). Nothing was changed.", e);
        }
        return Sqlite.failed(what, e);
    }

    /**
     * Checks the copy on this thread while two others hash it and fsync it: the check and the hash each keep a core
     * busy (the second read comes from the page cache), and the fsync mostly waits for the disk.
     *
     * @return the copy's SHA-256
     */
    private static String checkHashAndSync(Path tmp, BackupCheck check, Damage.Recovery recovery, Progress steps)
            throws IOException, SQLException {
        AtomicLong hashed = new AtomicLong();
        steps.step(check.pragma() + ", SHA-256 and fsync", Files.size(tmp), hashed::get);
        Path db = recovery.database();
        try (CheckWhileHashing side = CheckWhileHashing.start(tmp, "the backup of " + db, hashed, () -> FileOps.fsync(tmp))) {
            List<String> problems = side.check(check);
            if (!problems.isEmpty()) {
                // the copy holds the source's pages as they are: its damage is the source's
                throw Damage.refusal(recovery, db.toString(), Damage.Evidence.ofCheck(check.pragma() + " of a fresh copy", problems), null);
            }
            return side.sha256();
        }
    }

    /**
     * Copies the database from one read transaction: {@code c} reads the schema version and keeps its snapshot
     * while the file is copied ({@link FileSnapshot}) or, when the file alone does not hold the snapshot, while the
     * backup API copies the pages in steps, so other connections' commits meanwhile neither restart the copy nor end
     * up half in it. In WAL mode writers go on; in rollback-journal mode they wait for the copy, as they would for
     * any long reader.
     *
     * @return the schema version of the copied snapshot
     */
    private static int copy(Connection c, Path db, Path tmp, Duration lockTimeout, Progress steps) throws SQLException {
        deleteQuietly(tmp);
        long before = fileCopy ? FileSnapshot.prepare(c, db, lockTimeout) : -1;
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN DEFERRED");
            try {
                int version = Sqlite.schemaVersion(c); // this read starts the snapshot the copy will see
                long pageSize = Sqlite.pragma(c, "page_size");
                long bytes = pageSize * Sqlite.pragma(c, "page_count");
                steps.step("copying", bytes, () -> sizeOf(tmp));
                if (FileSnapshot.copy(c, before, db, tmp, bytes)) return version;
                steps.quiet(); // the backup API reports its own progress
                long[] last = {System.nanoTime()};
                boolean[] stopped = {false};
                int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup("main", tmp.toString(), (remaining, total) -> {
                    if (stopped[0] || Interruption.requested()) {
                        // the driver's step loop has no way out, and sqlite3_interrupt does not reach a backup: the partial
                        // file goes now (a kill meanwhile leaves nothing), and the copy runs out into the unlinked file
                        if (!stopped[0]) Leftovers.delete(tmp);
                        stopped[0] = true;
                        return;
                    }
                    long now = System.nanoTime();
                    if (total > 0 && remaining > 0 && now - last[0] >= progressEvery.toNanos()) {
                        last[0] = now;
                        steps.line(String.format("backup: %d%% of %s", 100L * (total - remaining) / total, Bytes.of(total * pageSize)));
                    }
                }, 100, 100, pagesPerStep);
                if (stopped[0]) throw new Interrupted("", "", null);
                if (rc != 0 && rc != 101) throw Sqlite.resultCode(rc, "SQLite's backup API");
                return version;
            } finally {
                s.execute("COMMIT");
            }
        }
    }

    private static Path freeName(Path dir, String base, Instant taken, int version) {
        Instant t = taken;
        while (true) {
            Path p = dir.resolve(base + "-" + STAMP.format(t) + "-v" + SchemaVersion.label(version) + ".sqlite");
            if (!Files.exists(p)) return p;
            t = t.plusMillis(1);
        }
    }

    /**
     * The backups in {@code dir}, oldest first; only those of {@code database} (a file name such as {@code app.db},
     * or its base name {@code app}) when it is not null. A missing directory has none.
     */
    public static List<BackupInfo> list(Path dir, String database) {
        return listOf(dir, database == null ? null : FileOps.baseName(Path.of(database)));
    }

    /** The backups in {@code dir} whose name starts with {@code base} (already without its extension), or all when null. */
    private static List<BackupInfo> listOf(Path dir, String base) {
        List<BackupInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.sqlite")) {
            for (Path p : ds) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || base != null && !m.group(1).equals(base)) continue;
                Map<String, String> manifest = Manifest.read(p);
                out.add(new BackupInfo(p, m.group(1), stamp(m.group(2)), Integer.parseInt(m.group(3)), Files.size(p),
                        manifest.get("sha256"), manifest.get("source")));
            }
        } catch (IOException e) {
            throw Sqlite.failed("cannot list the backups in " + dir, e);
        }
        out.sort(Comparator.comparing(BackupInfo::taken).thenComparing(b -> b.file().getFileName().toString()));
        return out;
    }

    /** Deletes the backups of {@code base} beyond the newest {@code keep}, never {@code protect}; returns what it deleted. */
    static List<Path> prune(Path dir, String base, int keep, Path protect) {
        Leftovers.removeStale(dir, base); // partial backups are never among those kept
        // base is already without its extension: list(dir, base) would strip again ("my.app" to "my")
        List<BackupInfo> all = listOf(dir, base);
        List<Path> deleted = new ArrayList<>();
        int excess = all.size() - keep;
        for (BackupInfo b : all) {
            if (excess <= 0) break;
            if (b.file().equals(protect)) continue;
            try {
                Files.deleteIfExists(b.manifest());
                Files.deleteIfExists(b.file());
                deleted.add(b.file());
                excess--;
            } catch (IOException e) {
                throw Sqlite.failed("cannot delete the old backup " + b.file(), e);
            }
        }
        return deleted;
    }

    /**
     * Checks a backup as restore does: its manifest exists, its size and SHA-256 match the manifest, and
     * {@code PRAGMA integrity_check} is clean. Throws a {@link LiteShiftException} (INVALID_INPUT) naming the problem.
     */
    public static BackupInfo verify(Path backup) {
        return Restore.verify(backup);
    }

    /**
     * Replaces {@code target} with {@code backup} atomically: see {@link Restore}. Refuses (FAILED) while another
     * process writes the target or has it open in WAL mode, unless {@code force}.
     */
    public static RestoreResult restore(Path backup, Path target, boolean force) {
        return Restore.run(backup, target, force);
    }

    static Instant parseStamp(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        if (!m.matches()) throw new IllegalArgumentException(backup.toString());
        return stamp(m.group(2));
    }

    /** The time a backup's name carries ({@link #STAMP}, UTC). */
    private static Instant stamp(String text) {
        return Instant.from(STAMP.parse(text));
    }

    /**
     * Whether {@code file} is a backup (a backup's name with its manifest beside it) or something a backup or a restore
     * leaves beside a database: a manifest, a temporary copy, the old database a restore put aside (or its side
     * files). None of them is a database of its own to work on.
     */
    public static boolean isBackupOrLeftover(Path file) {
        String n = file.getFileName().toString();
        if (LEFTOVER.matcher(n).matches()) return true;
        return NAME.matcher(n).matches() && Files.exists(Manifest.of(file));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // not there yet
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is named with a dot and never listed
        }
    }
}
