package io.liteshift;

import io.liteshift.review.ReviewInput;
import io.liteshift.review.Verdict;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A review page, written.
 *
 * @param file    the page: one self-contained HTML file
 * @param verdict what its summary leads with: safe, needs attention or destructive, with the reasons
 * @param input   what the page shows: the schemas before and after, the migrations with their steps, findings and
 *                rehearsal figures
 */
public record ReviewResult(Path file, Verdict verdict, ReviewInput input) {

    public ReviewResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(input, "input");
    }

    /**
     * The verdict in one line, as a front end prints it under the page's path: {@code Verdict: Destructive. Drops
     * table audit_log, with every row in it. (2 more reasons on the page)}.
     */
    public String verdictLine() {
        int more = verdict.reasons().size() - 1;
        return "Verdict: " + verdict.level().label() + "." + (verdict.reasons().isEmpty() ? "" : " " + verdict.reasons().get(0))
                + (more <= 0 ? "" : " (" + more + " more " + (more == 1 ? "reason" : "reasons") + " on the page)");
    }
}
