package io.liteshift.review;

import java.time.Duration;
import java.util.List;

/**
 * What lint measured on the real rows for one finding; each part is null (or empty) when it was not measured.
 *
 * @param rowsAffected  how many rows the step touches or breaks
 * @param sampleKeys    some of those rows' keys, as lint prints them ({@code id 27})
 * @param bytes         the bytes concerned (a rebuilt table with its indexes)
 * @param estimatedLock how long the write lock is estimated to be held
 */
public record Counts(Long rowsAffected, List<String> sampleKeys, Long bytes, Duration estimatedLock) {

    /** Nothing measured: no database was read. */
    public static final Counts NONE = new Counts(null, List.of(), null, null);

    public Counts {
        sampleKeys = List.copyOf(sampleKeys);
    }
}
