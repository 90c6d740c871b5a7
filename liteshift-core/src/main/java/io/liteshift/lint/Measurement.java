package io.liteshift.lint;

import java.time.Duration;
import java.util.List;

/**
 * What a finding measured on the rows, beside its message (which says the same in words), for a front end that
 * shows the numbers on their own: the review page's columns, a report's fields. Each part is null (or empty) when
 * it was not measured; a finding made without a database has {@link #NONE}.
 *
 * @param rows          the rows the step touches or breaks (for a dropped column, the values it loses)
 * @param sampleKeys    some of those rows' keys, as the message shows them ({@code id 27})
 * @param bytes         the bytes concerned: a rebuilt table with its indexes
 * @param estimatedLock how long the write lock is estimated to be held
 */
public record Measurement(Long rows, List<String> sampleKeys, Long bytes, Duration estimatedLock) {

    /** Nothing measured. */
    public static final Measurement NONE = new Measurement(null, List.of(), null, null);

    public Measurement {
        sampleKeys = List.copyOf(sampleKeys);
    }

    static Measurement rows(long rows) {
        return new Measurement(rows, List.of(), null, null);
    }

    static Measurement rows(long rows, List<String> sampleKeys) {
        return new Measurement(rows, sampleKeys, null, null);
    }

    /** A table rewritten under the write lock: its rows, its bytes and the estimated time, in seconds. */
    static Measurement rewrite(long rows, long bytes, double seconds) {
        return new Measurement(rows, List.of(), bytes, Duration.ofMillis(Math.round(seconds * 1000)));
    }

    public boolean isEmpty() {
        return rows == null && sampleKeys.isEmpty() && bytes == null && estimatedLock == null;
    }
}
