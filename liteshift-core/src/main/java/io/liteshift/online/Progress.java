package io.liteshift.online;

import java.time.Duration;
import java.util.Locale;

/**
 * Where an online rebuild is, for a progress line.
 *
 * @param copied        rows copied into the shadow table so far, and the entries appended to the indexes filled in key
 *                      order (each of those is one more pass over the rows)
 * @param total         rows the table had when the copy began (an estimate: the application keeps writing), once for
 *                      the table and once for each index filled in key order
 * @param rowsPerSecond the copy rate over the whole copy so far
 * @param eta           the time the copy still needs at that rate (zero once copied)
 * @param backlog       changes the application made to copied rows that are not replayed yet
 * @param longestLock   the longest the rebuild has held the write lock at a time so far
 */
public record Progress(String table, Phase phase, long copied, long total, double rowsPerSecond, Duration eta, long backlog,
                       Duration longestLock) {

    /** The phases, in order. */
    public enum Phase {
        /** The shadow table, the change log and the capture triggers are being created. */
        SETUP,
        /** Rows are copied chunk by chunk; the application's changes are replayed between chunks. */
        COPY,
        /** Foreign keys of and to the table are checked against the shadow, in read transactions. */
        CHECK,
        /** The short transaction that swaps the tables. */
        CUT_OVER,
        /** The old table's pages are freed in short transactions; the application already uses the new table. */
        DRAIN,
        DONE
    }

    /** "users: copy 1,200,000 / 4,000,000 rows (30%), 85,000 rows/s, ETA 33 s, backlog 12". */
    public String line() {
        String pct = total > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, copied * 100 / total)) : "";
        return String.format(Locale.ROOT, "%s: %s %,d / %,d rows%s, %,.0f rows/s, ETA %d s, backlog %,d, longest lock %d ms",
                table, phase.name().toLowerCase(Locale.ROOT).replace('_', '-'), copied, total, pct, rowsPerSecond,
                eta.toSeconds(), backlog, longestLock.toMillis());
    }
}
