package io.liteshift.spring.boot;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.StatusReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of the migrated schema, the same for both Boot lines' health APIs. DOWN when the database is not where
 * this application's migrations put it: a migration pending (the code expects a schema the database lacks), drift
 * (the schema was changed by hand), a history that cannot be trusted, or a status that cannot be read. A database
 * ahead of the migrations (an older application version during a rollback) is UP, as {@code migrate} lets it start.
 */
record HealthVerdict(boolean up, Map<String, Object> details) {

    static HealthVerdict of(LiteShift liteShift) {
        StatusReport status;
        try {
            status = liteShift.status();
        } catch (LiteShiftException e) {
            return new HealthVerdict(false, Map.of("error", e.getMessage()));
        }
        LiteShiftReport report = LiteShiftReport.of(status);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("database", report.database());
        details.put("version", report.version());
        details.put("applied", report.applied().size());
        if (!report.pending().isEmpty()) details.put("pending", report.pending().stream().map(LiteShiftReport.Pending::file).toList());
        if (!report.ahead().isEmpty()) details.put("ahead", report.ahead().stream().map(LiteShiftReport.Applied::version).toList());
        if (!report.drift().isEmpty()) details.put("drift", report.drift());
        if (!report.historyProblems().isEmpty()) details.put("historyProblems", report.historyProblems());
        return new HealthVerdict(report.upToDate(), details);
    }
}
