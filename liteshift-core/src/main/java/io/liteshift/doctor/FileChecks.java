package io.liteshift.doctor;

import io.liteshift.sqlite.LiteFs;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The file and its directory: there, a file, writable by whoever will write it; and LiteFS's replica marker. */
final class FileChecks {
    static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");
    private static final String READONLY = "SQLite opens the database read-only and the first write fails with"
            + " \"attempt to write a readonly database\" (SQLITE_READONLY)";

    private FileChecks() {
    }

    /** @return false when the file is not there to examine further */
    static boolean location(Path db, Access who, List<Diagnosis> out) {
        Path dir = db.getParent();
        if (Files.isDirectory(db)) {
            out.add(Diagnosis.error("DB_IS_DIRECTORY", db + " is a directory, not a database file.",
                    "SQLite cannot open a directory: every connection fails with \"unable to open database file\".",
                    "Point DATABASE_URL (or --db) at the file inside it, e.g. " + db.resolve("sqlite.db") + "."));
            return false;
        }
        if (Files.exists(db)) return true;
        if (dir != null && !Files.isDirectory(dir)) {
            Path existing = nearestExisting(dir);
            out.add(Diagnosis.error("DB_PARENT_MISSING", db + " does not exist, and neither does its directory " + dir
                            + (existing != null ? " (the nearest existing directory is " + existing + ")" : "") + ".",
                    "The application cannot create the file there: \"unable to open database file\" (SQLITE_CANTOPEN)."
                            + " A missing top directory such as " + topMissing(dir) + " usually means the volume is not mounted"
                            + " on this machine.",
                    "Mount the volume at " + topMissing(dir) + " (fly.toml [mounts] destination, docker run -v), or fix"
                            + " DATABASE_URL if the path is wrong."));
            return false;
        }
        if (dir != null && !who.canWrite(dir)) {
            out.add(Diagnosis.error("DB_MISSING", db + " does not exist; its directory " + dir + " does, but it is "
                            + Access.describe(dir) + " and not writable by " + who.who() + ".",
                    "The application's first connection cannot create the file: \"unable to open database file\""
                            + " (SQLITE_CANTOPEN). Either DATABASE_URL names the wrong file, or the volume is new and not yet"
                            + " given to the application's user.",
                    "Fix DATABASE_URL if it names the wrong file. Otherwise: " + fixOwnership(db, dir, who)));
            return false;
        }
        out.add(Diagnosis.error("DB_MISSING", db + " does not exist; its directory " + dir + " does.",
                "The application's first connection would create it empty, and its first query fails with \"no such table\"."
                        + " That is a wrong DATABASE_URL, or a volume where the migrations never ran.",
                "Fix DATABASE_URL if it names the wrong file. For a new volume, create it with `liteshift migrate --create`"
                        + " (or createMissing(true) when migrating on boot)."));
        return false;
    }

    /** Read-only mounts, then the file, its directory and its -wal/-shm/-journal files for the user who writes. */
    static void writable(Path db, Access who, List<Diagnosis> out) {
        Path dir = db.getParent();
        if (readOnlyMount(db, READONLY + ", whatever the owner and mode say.", "point DATABASE_URL at a writable volume", out)) return;
        if (!who.canWrite(db)) {
            out.add(Diagnosis.error("DB_NOT_WRITABLE", db + " is " + Access.describe(db) + "; it is not writable by " + who.who() + ".",
                    READONLY + ". Typical after the file was created by root (a migration run from a root shell, or an"
                            + " entrypoint running as root) while the application runs as another user.",
                    fixOwnership(db, dir, who)));
        }
        if (dir != null && !who.canWrite(dir)) {
            out.add(Diagnosis.error("DIR_NOT_WRITABLE", "the directory " + dir + " is " + Access.describe(dir)
                            + "; it is not writable by " + who.who() + ".",
                    "SQLite creates " + db.getFileName() + "-journal (or -wal and -shm) beside the database on every write,"
                            + " so writes fail with \"attempt to write a readonly database\" or \"unable to open database file\""
                            + " even when the file itself is writable.",
                    fixOwnership(db, dir, who)));
        }
        for (String suffix : SIDE_FILES) {
            Path side = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(side) && !who.canWrite(side)) {
                out.add(Diagnosis.error("SIDE_FILE_NOT_WRITABLE", side + " is " + Access.describe(side) + "; it is not writable by "
                                + who.who() + ".",
                        READONLY + " (or \"disk I/O error\"): SQLite must write this file to read or change the database.",
                        fixOwnership(db, dir, who)));
            }
        }
    }

    /** @return whether {@code p} is on a file system mounted read-only (a finding says so) */
    private static boolean readOnlyMount(Path p, String cause, String orElse, List<Diagnosis> out) {
        FileStore store;
        try {
            store = Files.getFileStore(p);
        } catch (IOException e) {
            return false; // left to the per-file checks
        }
        if (!store.isReadOnly()) return false;
        out.add(Diagnosis.error("READ_ONLY_MOUNT", p + " is on a file system mounted read-only (" + store.name() + ", type "
                        + store.type() + ").", cause,
                "Mount it read-write (remove \":ro\" / readOnly: true from the volume definition), or " + orElse + "."));
        return true;
    }

    /**
     * A directory liteshift writes its own files into (the backups directory): on a read-only mount, or not writable by
     * {@code who}.
     */
    static void writableDirectory(Path dir, Access who, List<Diagnosis> out) {
        String cause = "Files cannot be created in it: writing one fails with \"Read-only file system\" or \"Permission denied\".";
        if (readOnlyMount(dir, cause, "use a directory on a writable volume", out)) return;
        if (who.canWrite(dir)) return;
        out.add(Diagnosis.error("DIR_NOT_WRITABLE", "the directory " + dir + " is " + Access.describe(dir) + "; it is not writable by "
                + who.who() + ".", cause, "Give the user that runs liteshift the directory: `chown -R " + who.owner() + " " + dir
                + "` (and `chmod u+rwX`), or use another directory."));
    }

    private static String fixOwnership(Path db, Path dir, Access who) {
        String target = dir != null ? dir.toString() : db.toString();
        return "Give the application's user the directory and its files: `chown -R " + who.owner() + " " + target
                + "` (and `chmod u+rwX`). A mounted volume keeps the owner it had at the mount, whatever the Dockerfile's"
                + " `RUN chown` said, so do it in the entrypoint before dropping privileges (e.g. `chown -R app:app "
                + target + " && exec su-exec app ...`), and run one-off commands such as migrations as that user too.";
    }

    /** LiteFS's documented contract: {@code .primary} exists beside the database on a replica only, naming the primary. */
    static void liteFs(Path db, List<Diagnosis> out) {
        LiteFs.primary(db).ifPresent(host -> out.add(Diagnosis.warning("LITEFS_REPLICA",
                LiteFs.marker(db) + " exists and names the primary: " + host + ".",
                "This node is a LiteFS replica: every write to " + db.getFileName() + " fails (SQLITE_READONLY with the rollback"
                        + " journal, \"disk I/O error\" with WAL), migrations included.",
                "Migrate on the primary (" + host + "): migrate on boot only where .primary is absent, and forward writes to"
                        + " the primary. (`liteshift migrate` here waits for the replicated schema and writes nothing.)")));
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.isDirectory(p)) p = p.getParent();
        return p;
    }

    /** The outermost directory that is missing: /data for /data/db/app.db when /data is absent. */
    private static Path topMissing(Path dir) {
        Path p = dir;
        while (p.getParent() != null && !Files.isDirectory(p.getParent())) p = p.getParent();
        return p;
    }
}
