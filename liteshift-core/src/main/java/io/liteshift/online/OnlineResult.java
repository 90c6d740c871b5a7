package io.liteshift.online;

import java.time.Duration;

/**
 * A finished online rebuild.
 *
 * @param rows        rows of the table after the swap
 * @param copyTime    from the start (or resumption) until the swap committed: the time the change took
 * @param drainTime   freeing the old table's pages afterwards, in short transactions
 * @param longestLock the longest the rebuild held the write lock at a time (a chunk, a replay, the swap)
 * @param chunks      chunks copied
 * @param recovery    what this run found of an earlier, interrupted one
 */
public record OnlineResult(String table, long rows, Duration copyTime, Duration drainTime, Duration longestLock, long chunks,
                           double rowsPerSecond, Recovery recovery) {
}
