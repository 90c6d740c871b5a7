package io.liteshift.sqlite;

import io.liteshift.LiteShiftException;
import io.liteshift.sql.Identifiers;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free disk space against what a rebuild needs. A rebuild writes a full copy of the table and its indexes before the
 * old one is dropped; in rollback-journal mode the pages it changes also go to the journal, in WAL mode every new page
 * goes through the -wal file first. So the estimate is twice the rebuilt tables' size ({@code dbstat}), free on the
 * volume of the database's directory until the commit (and the checkpoint).
 */
public final class DiskSpace {
    private static final String NAME = "(?:\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^]]+)]|([A-Za-z_][A-Za-z0-9_$]*))";
    private static final Pattern DROP = Pattern.compile("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile("ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+TO\\s+" + NAME, Pattern.CASE_INSENSITIVE);

    private DiskSpace() {
    }

    /**
     * What some work needs free.
     *
     * @param bytes the size it is twice of (the rebuilt tables with their indexes, or a file's size)
     * @param basis what that size is, for messages: "the 3.1 MiB (3248128 bytes) of t with its indexes"
     */
    public record Estimate(long bytes, String basis) {
        /** Twice {@link #bytes}: the copy, and the journal or WAL pages written until the commit. */
        public long needed() {
            return 2 * bytes;
        }

        /** "about 6.2 MiB (6496256 bytes), twice the 3.1 MiB (...) of t with its indexes". */
        public String describe() {
            return "about " + Bytes.exactly(needed()) + ", twice " + basis;
        }
    }

    /**
     * The tables a rebuild copies, with their indexes, as they are in {@code db} now: {@code dbstat}, or the whole file
     * as an upper bound when this SQLite lacks it.
     */
    public static Estimate forTables(Connection db, List<String> tables) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String t : tables) sizes.put(t, TableSizes.bytes(db, t).orElse(fileBytes(db)));
        return ofTables(sizes);
    }

    /** The estimate for tables of these sizes (bytes with their indexes), in the order given. */
    public static Estimate ofTables(Map<String, Long> sizes) {
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        sizes.forEach((t, b) -> parts.add(Identifiers.quote(t) + " " + Bytes.exactly(b)));
        boolean one = sizes.size() == 1;
        String of = one ? "of " + Identifiers.quote(sizes.keySet().iterator().next())
                : "of the tables it rebuilds (" + String.join(", ", parts) + ")";
        return new Estimate(total, "the " + Bytes.exactly(total) + " " + of + " with " + (one ? "its" : "their") + " indexes");
    }

    private static long fileBytes(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * The largest table one of {@code scripts} (migrations' texts) rebuilds (dropped, then another table renamed to its
     * name: the pattern of generated migrations and of the runbook's skeleton), sized with {@code dbstat}; the file size
     * when none is recognised or {@code dbstat} is not compiled in, as an upper bound.
     */
    public static Estimate forScripts(Connection c, long fileSize, List<String> scripts) {
        Set<String> rebuilt = new LinkedHashSet<>();
        for (String sql : scripts) rebuilt.addAll(rebuiltTables(sql));
        String largest = null;
        long size = -1;
        for (String t : rebuilt) {
            long s = TableSizes.bytes(c, t).orElse(-1);
            if (s < 0) return new Estimate(fileSize, "the database file's size (an upper bound: dbstat is not available)");
            if (s > size) {
                size = s;
                largest = t;
            }
        }
        if (largest == null) return new Estimate(fileSize, "the database file's size (an upper bound for any rebuild)");
        return new Estimate(size, "the size of " + largest + " with its indexes, the largest table a pending migration rebuilds");
    }

    /** The tables a migration's text rebuilds: dropped, then another table renamed into the name. */
    public static Set<String> rebuiltTables(String sql) {
        Set<String> dropped = new LinkedHashSet<>();
        Matcher d = DROP.matcher(sql);
        while (d.find()) dropped.add(name(d, 1).toLowerCase(Locale.ROOT));
        Set<String> out = new LinkedHashSet<>();
        Matcher r = RENAME.matcher(sql);
        while (r.find()) {
            String to = name(r, 5);
            if (dropped.contains(to.toLowerCase(Locale.ROOT))) out.add(to);
        }
        return out;
    }

    private static String name(Matcher m, int first) {
        for (int g = first; g < first + 4; g++) {
            if (m.group(g) != null) return g == first ? m.group(g).replace("\"\"", "\"") : m.group(g);
        }
        throw new IllegalStateException("no name matched");
    }

    /** The volume a database file is on: its directory's file store, and the bytes usable there; null when unknown. */
    public record Volume(String name, long usable) {
        /** "/data (tmpfs), 1.2 MiB (1258291 bytes) free". */
        public String describe() {
            return name + ", " + Bytes.exactly(usable) + " free";
        }
    }

    public static Volume volumeOf(Path file) {
        Path dir = Files.isDirectory(file) ? file : file.toAbsolutePath().getParent();
        try {
            FileStore store = Files.getFileStore(dir);
            return new Volume(store.toString(), store.getUsableSpace());
        } catch (IOException | RuntimeException e) {
            return null; // unknown: nothing is said about it rather than a guess
        }
    }

    /**
     * Refuses, REFUSED_DATA (nothing was written), when the volume of {@code file} has less free space than
     * {@code need} needs: the check before a rebuild starts.
     *
     * @param what the work, as in "pushing schema.sql to /data/app.db"
     */
    public static void require(Path file, Estimate need, String what) {
        Volume v = volumeOf(file);
        if (need.bytes() == 0 || v == null || v.usable() >= need.needed()) return;
        throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DATA, "refused " + what + ": not enough free disk space on the"
                + " volume of " + file + " (" + v.name() + "): the rebuild needs " + need.describe() + " (the copy, and the"
                + " journal or WAL pages until the commit); " + Bytes.exactly(v.usable()) + " are free. Free space on that volume (old"
                + " backups, files beside the database) or grow it (`fly volumes extend`), then run again. Nothing was changed.");
    }

    /**
     * The first sentence of a failure that ran out of space: "disk full: the volume of /data/app.db (/data (tmpfs),
     * 120.0 KiB (122880 bytes) free now) ran out of space while ... (estimated to need about ...)".
     *
     * @param file the file written, or the directory it was written in
     *
     * @param during what was going on ("pushing schema.sql")
     * @param need   the estimate of what it needed; null when there is none
     */
    public static String full(Path file, String during, Estimate need) {
        Volume v = volumeOf(file);
        return "disk full: the volume of " + file + (v == null ? "" : " (" + v.name() + ", " + Bytes.exactly(v.usable()) + " free now)")
                + " ran out of space while " + during + (need == null || need.bytes() == 0 ? "" : " (estimated to need " + need.describe() + ")");
    }

    /** SQLITE_FULL anywhere in the chain, or an I/O error saying that the device has no space left. */
    public static boolean isFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException e && e.getResultCode() != null
                    && (e.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_FULL.code) return true;
            String m = String.valueOf(c.getMessage());
            if (m.contains("No space left on device") || m.contains("database or disk is full")) return true;
        }
        return false;
    }
}
