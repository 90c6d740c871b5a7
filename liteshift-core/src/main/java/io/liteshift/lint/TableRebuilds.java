package io.liteshift.lint;

import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.plan.TableMapping;

import java.sql.SQLException;
import java.util.List;

import static io.liteshift.sql.Identifiers.quote;

/**
 * {@link LintCode#REBUILD}: a rebuilt table is copied row by row under the write lock, unless the migration runs its
 * rebuilds online. With the rows, how many, how many bytes, for about how long, and the free disk space the copy
 * needs; a lock estimated at {@link LockTime#SLOW_SECONDS} or more recommends the online rebuild, which bounds each
 * pause instead.
 */
final class TableRebuilds implements Rule {

    @Override
    public void check(LintContext context, Issues out) throws SQLException {
        for (TableMapping m : context.plan().rebuilds()) {
            out.aboutTable(context.counts().isPresent() ? sized(m, context.counts().get(), context.online())
                    : context.online() ? LintIssue.of(LintCode.REBUILD, Severity.INFO, m.to().name(), "rebuilds " + quote(m.to().name())
                    + " (" + String.join("; ", m.reasons()) + ") online: the rows are copied in short chunks while the application"
                    + " writes, then the tables are swapped in one brief transaction; the copy needs free disk space.",
                    "`liteshift lint --db` gives rows and bytes; the database must be in WAL mode.")
                    : LintIssue.of(LintCode.REBUILD, Severity.INFO,
                    m.to().name(), "rebuilds " + quote(m.to().name()) + " (" + String.join("; ", m.reasons()) + "): every row is copied"
                            + " while the write lock is held, and the copy needs free disk space.",
                    "`liteshift lint --db` gives rows, bytes and lock time; migrate when the load is low."));
        }
    }

    private static LintIssue sized(TableMapping m, LintContext.Counts counts, boolean online) throws SQLException {
        String table = m.from().name();
        long rows = counts.stats().rows(table);
        long bytes = counts.stats().bytes(table);
        double secs = LockTime.ofRewriting(bytes);
        long need = 2 * bytes; // the new copy, plus the old pages kept in the rollback journal or the WAL until commit
        DiskSpace.Volume v = counts.database() == null ? null : DiskSpace.volumeOf(counts.database());
        String copies = "copies " + Rows.plural(rows, "row") + ", " + Bytes.of(bytes) + " with its indexes, ";
        String space = "needs about " + Bytes.of(need) + " of free disk space" + (v != null ? " (" + Bytes.of(v.usable()) + " free)" : "") + ".";
        String what = "rebuilds " + quote(m.to().name()) + " (" + String.join("; ", m.reasons()) + ")";
        if (online) {
            // the migration asked for it: each chunk holds the lock briefly, so the table's size is no stall
            return LintIssue.of(LintCode.REBUILD, Severity.INFO, m.to().name(), what + " online: " + copies
                    + "in short chunks while the application writes (" + LockTime.about(secs) + " of copying in all); " + space,
                    "the database must be in WAL mode; --max-lock-ms (maxLock(...) in Java) bounds each chunk's lock.",
                    new Measurement(rows, List.of(), bytes, null)); // no one long lock to estimate
        }
        String size = what + ": " + copies + "holding the write lock for "
                + LockTime.about(secs) + " (estimated at " + Bytes.of((long) LockTime.REWRITE_BYTES_PER_SECOND) + "/s); " + space;
        boolean slow = secs >= LockTime.SLOW_SECONDS;
        return LintIssue.of(LintCode.REBUILD, slow ? Severity.WARNING : Severity.INFO, m.to().name(), size, slow
                // lint's texts are printed as they are (no front end renders them): every way to ask is named
                ? "rebuild it online, so that writers wait at most one short chunk at a time instead (`liteshift push --online`;"
                + " for a migration `liteshift generate --online` or `migrate --online`, online(true) in Java; needs WAL mode);"
                + " or migrate when the load is low."
                : "migrate when the load is low; readers are not blocked in WAL mode, writers wait.", Measurement.rewrite(rows, bytes, secs));
    }
}
