package io.liteshift.migrate;

import java.util.List;

/**
 * What {@code verify} found, with the status it computed on the way, so that a caller that shows both (the
 * version, the history) does not read the database a second time.
 *
 * @param status   where the database stands against the migrations directory
 * @param problems every problem found; empty means verified
 */
public record Verification(StatusReport status, List<Problem> problems) {

    public Verification {
        problems = List.copyOf(problems);
    }

    /** Nothing found. */
    public boolean verified() {
        return problems.isEmpty();
    }
}
