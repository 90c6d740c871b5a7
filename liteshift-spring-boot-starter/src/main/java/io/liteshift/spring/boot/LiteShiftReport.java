package io.liteshift.spring.boot;

import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.History;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.Problem;
import io.liteshift.migrate.StatusReport;
import io.liteshift.report.Reports;

import java.util.List;

/**
 * What {@code /actuator/liteshift} answers: {@code LiteShift.status()} in plain values (strings, numbers, lists), so
 * that any JSON mapper of either Boot line writes it the same way.
 *
 * @param database         how liteshift names the database
 * @param version          the newest applied migration ("0000": none)
 * @param upToDate         nothing pending, no drift, history trusted
 * @param applied          the journal, oldest first
 * @param pending          migrations of the directory not applied yet
 * @param ahead            applied migrations newer than every file here (an older application version is running)
 * @param drift            how the live schema differs from the newest applied migration's snapshot
 * @param historyProblems  why the history cannot be trusted (edited, missing, out-of-order migrations, integrity file)
 */
public record LiteShiftReport(String database, String version, boolean upToDate, List<Applied> applied, List<Pending> pending,
                              List<Applied> ahead, List<String> drift, List<String> historyProblems) {

    /** A row of the journal; {@code appliedAt} in ISO-8601 UTC, {@code kind} "migrate" or "baseline". */
    public record Applied(String version, String name, String checksum, String appliedAt, String appliedBy, long tookMillis,
                          String kind) {
        static Applied of(AppliedMigration a) {
            return new Applied(a.label(), a.name(), a.checksum(), a.appliedAt().toString(), a.appliedBy(), a.took().toMillis(), a.kind());
        }
    }

    public record Pending(String version, String file) {
        static Pending of(Migration m) {
            return new Pending(m.label(), m.fileName());
        }
    }

    static LiteShiftReport of(StatusReport status) {
        History h = status.history();
        return new LiteShiftReport(status.database(), Reports.version(h.version()), status.upToDate(),
                h.applied().stream().map(Applied::of).toList(), h.pending().stream().map(Pending::of).toList(),
                h.ahead().stream().map(Applied::of).toList(), messages(status.drift()), messages(h.problems()));
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::message).toList();
    }
}
