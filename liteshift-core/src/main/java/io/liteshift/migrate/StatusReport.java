package io.liteshift.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a database stands against the migrations directory.
 *
 * @param database how the database is named in messages
 * @param history  applied, pending, and what cannot be trusted
 * @param drift    how the live schema differs from the snapshot of its newest applied migration
 */
public record StatusReport(String database, History history, List<Problem> drift) {

    public StatusReport {
        drift = List.copyOf(drift);
    }

    /** Nothing pending, nothing wrong. */
    public boolean upToDate() {
        return history.pending().isEmpty() && history.problems().isEmpty() && drift.isEmpty();
    }

    /** The history's problems and the drift, in one list. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>(history.problems());
        out.addAll(drift);
        return out;
    }
}
