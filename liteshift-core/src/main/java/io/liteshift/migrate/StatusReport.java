package io.liteshift.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a database stands against the migrations directory.
 *
 * @param database how the database is named in messages
 * @param history  applied, pending, and what cannot be trusted
 * @param drift    how the live schema differs from the snapshot of its newest applied migration
 * @param online   the table of an online rebuild that was stopped before it finished (killed), whose work is still in
 *                 the database for the next run to resume or remove; empty when there is none
 */
public record StatusReport(String database, History history, List<Problem> drift, Optional<String> online) {

    public StatusReport {
        drift = List.copyOf(drift);
    }

    public StatusReport(String database, History history, List<Problem> drift) {
        this(database, history, drift, Optional.empty());
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
