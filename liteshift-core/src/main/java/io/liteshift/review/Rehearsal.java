package io.liteshift.review;

import java.time.Duration;
import java.util.Objects;

/**
 * What rehearsing one migration on a copy of the database measured.
 *
 * @param took        how long the migration ran
 * @param rowsChanged rows inserted, updated or deleted by its statements and their triggers
 * @param sizeBefore  the database's size before it, in bytes
 * @param sizeAfter   its size after it, in bytes
 */
public record Rehearsal(Duration took, long rowsChanged, long sizeBefore, long sizeAfter) {
    public Rehearsal {
        Objects.requireNonNull(took, "took");
    }
}
