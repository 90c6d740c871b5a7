package io.liteshift.lint;

import java.util.List;

/**
 * How much of the offending data a finding shows: the exact count always, at most {@link #KEYS} sample keys, and
 * values cut to {@link #WIDTH} characters, so a refusal over a million rows is still a few lines. The bounds are
 * applied in the SQL (LIMIT, substr), never by reading everything and cutting afterwards.
 */
final class Samples {
    /** Sample rows (keys) a finding lists. */
    static final int KEYS = 5;
    /** Duplicated values a UNIQUE finding lists, each with its count and up to {@link #KEYS_PER_VALUE} keys. */
    static final int VALUES = 3;
    static final int KEYS_PER_VALUE = 3;
    /** Characters of one shown value or key. */
    static final int WIDTH = 40;

    private Samples() {
    }

    /** SQL for {@code expr} as shown in a message: a longer text or blob is cut to {@link #WIDTH} characters and "…". */
    static String shown(String expr) {
        return "CASE WHEN typeof(" + expr + ") IN ('text', 'blob') AND length(" + expr + ") > " + WIDTH
                + " THEN substr(" + expr + ", 1, " + WIDTH + ") || '…' ELSE " + expr + " END";
    }

    /** {@code quote(expr)}, shown: a value as SQL writes it ('text', 12, X'00'), cut. */
    static String quoted(String expr) {
        return shown("quote(" + expr + ")");
    }

    /** The keys joined, with "…" when {@code total} says there are more than were read. */
    static String list(List<String> keys, long total) {
        return String.join(", ", keys) + (total > keys.size() ? ", …" : "");
    }
}
