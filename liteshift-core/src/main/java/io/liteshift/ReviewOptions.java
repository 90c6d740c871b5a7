package io.liteshift;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a review page is of, as a front end's arguments say it; {@link LiteShift#review(ReviewOptions)} decides from
 * them, so every front end reviews and refuses the same way.
 *
 * @param out      where the page is written
 * @param rehearse also rehearse the pending migrations on a copy of the database (only for them)
 * @param from     the schema before, to compare two schemas (with {@code to}); null for none
 * @param to       the schema after (with {@code from}); null for none
 * @param pushPlan review the plan a push of the configured declared schema would run on the configured database
 */
public record ReviewOptions(Path out, boolean rehearse, SchemaSource from, SchemaSource to, boolean pushPlan) {
    public ReviewOptions {
        Objects.requireNonNull(out, "out");
    }

    /** The pending migrations of the configured directory, written to {@code out}. */
    public static ReviewOptions pending(Path out, boolean rehearse) {
        return new ReviewOptions(out, rehearse, null, null, false);
    }
}
