package io.liteshift.doctor;

import io.liteshift.migrate.Migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free space against what the next rebuild needs. A rebuild writes a full copy of the table (and its indexes) before
 * the old one is dropped, and in WAL mode the same pages go through the -wal file first; so a rebuild needs about
 * twice the table's size free until the checkpoint.
 */
final class DiskCheck {
    private static final String NAME = "(?:\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^]]+)]|([A-Za-z_][A-Za-z0-9_$]*))";
    private static final Pattern DROP = Pattern.compile("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile("ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+TO\\s+" + NAME, Pattern.CASE_INSENSITIVE);

    private DiskCheck() {
    }

    record Estimate(long bytes, String basis) {
    }

    /**
     * The largest table a pending migration rebuilds (dropped, then another table renamed to its name: the pattern
     * of generated migrations and of the runbook's skeleton), sized with {@code dbstat}; the file size when none is
     * recognised or {@code dbstat} is not compiled in, as an upper bound.
     */
    static Estimate estimate(Connection c, long fileSize, List<Migration> pending) {
        Set<String> rebuilt = new LinkedHashSet<>();
        for (Migration m : pending) rebuilt.addAll(rebuiltTables(m.sql()));
        String largest = null;
        long size = -1;
        for (String t : rebuilt) {
            long s = io.liteshift.inspect.TableSizes.bytes(c, t).orElse(-1);
            if (s < 0) return new Estimate(fileSize, "the database file's size (an upper bound: dbstat is not available)");
            if (s > size) {
                size = s;
                largest = t;
            }
        }
        if (largest == null) return new Estimate(fileSize, "the database file's size (an upper bound for any rebuild)");
        return new Estimate(size, "the size of " + largest + " with its indexes, the largest table a pending migration rebuilds");
    }

    static void check(Path db, long usable, Estimate e, boolean pending, List<Finding> out) {
        long needed = 2 * e.bytes();
        if (usable >= needed) return;
        String found = "the volume of " + db + " has " + Sizes.of(usable) + " usable; a rebuild needs about " + Sizes.of(needed)
                + ", twice " + e.basis() + " (" + Sizes.of(e.bytes()) + ").";
        String cause = "A rebuild copies the table before dropping the old one (and in WAL mode writes it to the -wal file"
                + " first); running out of space fails it with \"database or disk is full\" (SQLITE_FULL). liteshift rolls it"
                + " back, but the application's own writes fail too while the disk is full.";
        String fix = "Extend the volume (`fly volumes extend`), or free space: delete old backups, or VACUUM the database into"
                + " a file on another volume and swap it in during a maintenance window.";
        out.add(pending ? Finding.error("LOW_DISK", found, cause, fix) : Finding.warning("LOW_DISK", found, cause, fix));
    }

    static Set<String> rebuiltTables(String sql) {
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
}
