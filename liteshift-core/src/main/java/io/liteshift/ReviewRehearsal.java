package io.liteshift;

import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.review.Finding;
import io.liteshift.review.Rehearsal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rehearsal adds to the review page: each rehearsed migration's time, rows changed and sizes, and an error
 * finding on the migration where it failed (or, when verify found problems on the migrated copy, on the last one).
 *
 * @param figures  the figures by migration version label ({@code 0002})
 * @param failedAt the file the rehearsal failed at, or null (then {@code failure} is about the last migration)
 * @param failure  the error finding, or null when everything applied and verified
 */
record ReviewRehearsal(Map<String, Rehearsal> figures, String failedAt, Finding failure) {
    /** No rehearsal ran. */
    static final ReviewRehearsal NONE = new ReviewRehearsal(Map.of(), null, null);

    static ReviewRehearsal of(RehearsalReport r) {
        Map<String, Rehearsal> figures = new HashMap<>();
        for (RehearsalReport.Step s : r.steps()) figures.put(s.label(), new Rehearsal(s.took(), s.rowsChanged(), s.sizeBefore(), s.sizeAfter()));
        if (r.failure() != null) {
            return new ReviewRehearsal(figures, r.failure().migration(), ReviewFindings.rehearsal("the rehearsal on a copy of the"
                    + " database failed here: " + r.failure().message(Fix.FrontEnd.COMMAND_LINE), "fix this migration; migrate would fail the same way."));
        }
        if (!r.problems().isEmpty()) {
            return new ReviewRehearsal(figures, null, ReviewFindings.rehearsal("after the rehearsal, verify found on the migrated copy: "
                    + String.join("; ", r.problems().stream().map(p -> p.message(Fix.FrontEnd.COMMAND_LINE)).toList()), ""));
        }
        return new ReviewRehearsal(figures, null, null);
    }

    /** The figures of the migration {@code label}, or null when it was not rehearsed. */
    Rehearsal of(String label) {
        return figures.get(label);
    }

    /** The rehearsal's finding about {@code fileName} (the last pending migration when {@code last}), if any. */
    List<Finding> findingsAbout(String fileName, boolean last) {
        if (failure == null) return List.of();
        return (failedAt != null ? failedAt.equals(fileName) : last) ? List.of(failure) : List.of();
    }
}
