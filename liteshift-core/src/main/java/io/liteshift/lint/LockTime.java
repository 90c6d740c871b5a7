package io.liteshift.lint;

import java.util.Locale;

/** How long rewriting a table (a rebuild's copy, an index build) holds the write lock, estimated from its bytes. */
final class LockTime {
    /**
     * How fast a rebuild rewrites a table with its indexes, bytes per second, measured on a 2-core machine:
     * {@code bench/rebuild.sh} copies a 466 MB table (4,000,000 rows, two indexes) in about 9 s (52 MB/s), and the
     * lint benchmark's 49 MB table (1,000,000 rows, gaining a UNIQUE index) takes about 1.5 s (33 MB/s). The lower
     * figure, so the estimate errs long.
     */
    static final double REWRITE_BYTES_PER_SECOND = 33e6;
    /** A lock held longer than this during a deploy is worth a warning, not just a note. */
    static final double SLOW_SECONDS = 1.0;

    private LockTime() {
    }

    static double ofRewriting(long bytes) {
        return bytes / REWRITE_BYTES_PER_SECOND;
    }

    /** An estimate in words: "under 0.1 s", or "about 1.2 s". */
    static String about(double s) {
        return s < 0.1 ? "under 0.1 s" : String.format(Locale.ROOT, "about %.1f s", s);
    }
}
