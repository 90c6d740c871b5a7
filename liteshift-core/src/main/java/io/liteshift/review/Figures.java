package io.liteshift.review;

import io.liteshift.sqlite.Bytes;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Numbers as the page prints them, the same on every machine (no locale, no clock). */
final class Figures {
    private Figures() {
    }

    /** "12,500". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "12,500 rows", "1 row". */
    static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** "+3.1 MiB", "-812 bytes", "no change". */
    static String bytesDelta(long delta) {
        return delta == 0 ? "no change" : (delta > 0 ? "+" : "") + Bytes.of(delta);
    }

    /** "120 ms", "1.4 s", "2 min 5 s". */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        long s = Math.round(ms / 1000.0);
        return s / 60 + " min " + s % 60 + " s";
    }

    /** The first {@code max} items joined by ", ", with "and N more" when there are others. */
    static String some(List<String> items, int max) {
        if (items.size() <= max) return String.join(", ", items);
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
