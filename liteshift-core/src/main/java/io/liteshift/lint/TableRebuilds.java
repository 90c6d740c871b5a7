package io.liteshift.lint;

import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.plan.TableMapping;

import java.sql.SQLException;

import static io.liteshift.sql.Identifiers.quote;

/**
 * {@link LintCode#REBUILD}: a rebuilt table is copied row by row under the write lock. With the rows, how many,
 * how many bytes, for about how long, and the free disk space the copy needs.
 */
final class TableRebuilds implements Rule {

    @Override
    public void check(LintContext context, Issues out) throws SQLException {
        for (TableMapping m : context.plan().rebuilds()) {
            out.aboutTable(context.counts().isPresent() ? sized(m, context.counts().get()) : LintIssue.of(LintCode.REBUILD, Severity.INFO,
                    m.to().name(), "rebuilds " + quote(m.to().name()) + " (" + String.join("; ", m.reasons()) + "): every row is copied"
                            + " while the write lock is held, and the copy needs free disk space.",
                    "`liteshift lint --db` gives rows, bytes and lock time; migrate when the load is low."));
        }
    }

    private static LintIssue sized(TableMapping m, LintContext.Counts counts) throws SQLException {
        String table = m.from().name();
        long rows = counts.stats().rows(table);
        long bytes = counts.stats().bytes(table);
        double secs = LockTime.ofRewriting(bytes);
        long need = 2 * bytes; // the new copy, plus the old pages kept in the rollback journal or the WAL until commit
        DiskSpace.Volume v = counts.database() == null ? null : DiskSpace.volumeOf(counts.database());
        String size = "rebuilds " + quote(m.to().name()) + " (" + String.join("; ", m.reasons()) + "): copies "
                + Rows.plural(rows, "row") + ", " + mb(bytes) + " with its indexes, holding the write lock for about "
                + LockTime.seconds(secs) + " (estimated at " + mb((long) LockTime.REWRITE_BYTES_PER_SECOND) + "/s); needs about "
                + mb(need) + " of free disk space" + (v != null ? " (" + mb(v.usable()) + " free)" : "") + ".";
        return LintIssue.of(LintCode.REBUILD, secs >= LockTime.SLOW_SECONDS ? Severity.WARNING : Severity.INFO, m.to().name(), size,
                "migrate when the load is low; readers are not blocked in WAL mode, writers wait.", Measurement.rewrite(rows, bytes, secs));
    }

    private static String mb(long bytes) {
        return Bytes.of(bytes);
    }
}
