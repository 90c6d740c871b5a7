package io.liteshift.review;

import java.util.List;
import java.util.Objects;

/**
 * The decision the page's summary leads with, computed by {@link ReviewPage#verdict}, never given:
 * <ul>
 * <li>{@link Level#DESTRUCTIVE} when data is destroyed: a table or column of the schema before is gone from the
 *     schema after (and no rename says where it went), unless a finding about it counted no row or value in it on
 *     the database, or a finding says it destroys data;</li>
 * <li>else {@link Level#NEEDS_ATTENTION} when a finding is an error or a warning;</li>
 * <li>else {@link Level#SAFE}: nothing is dropped and every finding is only information (a rebuild, a backfill).</li>
 * </ul>
 *
 * @param reasons one line each, worst first; never empty
 */
public record Verdict(Level level, List<String> reasons) {

    public enum Level {
        SAFE("Safe"), NEEDS_ATTENTION("Needs attention"), DESTRUCTIVE("Destructive");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** "Needs attention", as the page shows it. */
        public String label() {
            return label;
        }
    }

    public Verdict {
        Objects.requireNonNull(level, "level");
        reasons = List.copyOf(reasons);
    }
}
