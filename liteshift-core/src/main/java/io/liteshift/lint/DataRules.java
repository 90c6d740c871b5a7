package io.liteshift.lint;

import io.liteshift.apply.DiskSpace;
import io.liteshift.lint.LintIssue.Severity;
import io.liteshift.migrate.MigrationEffect;
import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.sql.Identifiers;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The plan rules measured on the real rows: the data-dependent ones are replaced by exact counts
 * ({@link DataCheck}), drops say what they lose, rebuilds and index builds are sized.
 */
final class DataRules {

    /**
     * How fast a rebuild rewrites a table with its indexes, bytes per second, measured on a 2-core machine:
     * {@code bench/rebuild.sh} copies a 466 MB table (4,000,000 rows, two indexes) in about 9 s (52 MB/s), and the
     * lint benchmark's 49 MB table (1,000,000 rows, gaining a UNIQUE index) takes about 1.5 s (33 MB/s). The lower
     * figure, so the estimate errs long.
     */
    static final double REWRITE_BYTES_PER_SECOND = 33e6;
    /** A lock held longer than this during a deploy is worth a warning, not just a note. */
    static final double SLOW_SECONDS = 1.0;
    /** A CREATE INDEX on a table with at least this many rows gets a note. */
    static final long BIG_TABLE = 100_000;

    private DataRules() {
    }

    static List<LintIssue> apply(TableStats stats, Path file, Plan plan, MigrationEffect e, List<LintIssue> rules,
                                 List<StatementRules.NewIndex> indexes, Set<String> written) throws SQLException {
        Findings found = DataCheck.run(stats, plan, e.before(), e.after());
        List<LintIssue> out = new ArrayList<>();
        for (LintIssue r : rules) {
            if (r.lintCode().dataDependent()) continue;
            if (r.lintCode().destroysData()) {
                Optional<LintIssue> f = found.destructive().stream()
                        .filter(x -> x.lintCode() == r.lintCode() && Identifiers.same(x.subject(), r.subject())).findFirst();
                out.add(f.isPresent() ? f.get()
                        : new LintIssue(r.lintCode(), Severity.INFO, r.location(), r.subject(), r.message() + " It holds no data now.", ""));
            } else if (r.lintCode() == LintCode.REBUILD) {
                out.add(rebuild(stats, file, plan, r));
            } else {
                out.add(r);
            }
        }
        for (LintIssue f : found.violations()) {
            if (written.contains(Linter.tableOf(f.subject()))) {
                // the file changes these rows itself before the step (a backfill, say): the count is of the rows as they are now
                f = LintIssue.of(f.lintCode(), Severity.WARNING, f.subject(), f.message() + " (counted before this file's own"
                        + " UPDATE/INSERT/DELETE statements on " + f.subject() + " run; they may fix it)", f.fix());
            }
            out.add(f);
        }
        out.addAll(found.notes());
        diskSpace(stats, file, plan).ifPresent(out::add);
        for (StatementRules.NewIndex ix : indexes) {
            if (e.before().table(ix.table()).isEmpty()) continue; // a table made in this file has no rows yet
            long rows = stats.rows(ix.table());
            if (rows < BIG_TABLE) continue;
            double secs = stats.bytes(ix.table()) / REWRITE_BYTES_PER_SECOND / 2; // reads the table once, writes only the keys
            out.add(new LintIssue(LintCode.INDEX_BIG_TABLE, Severity.INFO, ix.location(), ix.table(), "builds an index on "
                    + Identifiers.quote(ix.table()) + " (" + Rows.plural(rows, "row") + ") while holding the write lock, about "
                    + seconds(secs) + ".", "write CREATE INDEX IF NOT EXISTS, so an index built ahead in a quiet moment makes"
                    + " this step a no-op."));
        }
        return out;
    }

    private static LintIssue rebuild(TableStats stats, Path file, Plan plan, LintIssue r) throws SQLException {
        TableMapping m = plan.rebuilds().stream().filter(x -> Identifiers.same(x.to().name(), r.subject())).findFirst().orElse(null);
        if (m == null) return r;
        String table = m.from().name();
        long rows = stats.rows(table);
        long bytes = stats.bytes(table);
        double secs = bytes / REWRITE_BYTES_PER_SECOND;
        long need = 2 * bytes; // the new copy, plus the old pages kept in the rollback journal or the WAL until commit
        DiskSpace.Volume v = file == null ? null : DiskSpace.volumeOf(file);
        String size = "rebuilds " + Identifiers.quote(r.subject()) + " (" + String.join("; ", m.reasons()) + "): copies "
                + Rows.plural(rows, "row") + ", " + mb(bytes) + " with its indexes, holding the write lock for about " + seconds(secs)
                + " (estimated at " + mb((long) REWRITE_BYTES_PER_SECOND) + "/s); needs about " + mb(need) + " of free disk space"
                + (v != null ? " (" + mb(v.usable()) + " free)" : "") + ".";
        return LintIssue.of(LintCode.REBUILD, secs >= SLOW_SECONDS ? Severity.WARNING : Severity.INFO, r.subject(), size,
                "migrate when the load is low; readers are not blocked in WAL mode, writers wait.");
    }

    /**
     * An error when the migration's rebuilds, which run in its one transaction, need more free space than the volume has:
     * twice their tables' size together ({@link DiskSpace}).
     */
    private static Optional<LintIssue> diskSpace(TableStats stats, Path file, Plan plan) throws SQLException {
        if (file == null || plan.rebuilds().isEmpty()) return Optional.empty();
        DiskSpace.Volume v = DiskSpace.volumeOf(file);
        List<String> tables = plan.rebuilds().stream().map(m -> m.from().name()).toList();
        java.util.Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        for (String t : tables) sizes.put(t, stats.bytes(t));
        DiskSpace.Estimate need = DiskSpace.ofTables(sizes);
        if (v == null || v.usable() >= need.needed()) return Optional.empty();
        return Optional.of(LintIssue.of(LintCode.DISK_SPACE, Severity.ERROR, tables.get(0), "not enough free disk space: the rebuild"
                + " needs " + need.describe() + " (the copy, and the journal or WAL pages until the commit); the volume of " + file
                + " (" + v.name() + ") has " + DiskSpace.bytes(v.usable()) + " free.",
                "free space on that volume (old backups, files beside the database) or grow it (`fly volumes extend`) before migrating."));
    }

    private static String mb(long bytes) {
        return bytes >= 10_000_000 ? String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String seconds(double s) {
        return s < 0.1 ? "under 0.1 s" : String.format(Locale.ROOT, "%.1f s", s);
    }
}
