package io.liteshift.online;

import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that move rows into the shadow table, prepared once and run inside the caller's write transaction:
 * a chunk of rows in rowid order after the last one copied, and a batch of the change log replayed, oldest first
 * (their shadow rows deleted, then copied again from the table as they are now, when they still exist). All of it
 * is set-based SQL: no row passes through Java.
 * <p>
 * A logged rowid above the last one copied needs no replay: the copier reaches it later and copies it as it is then.
 * Replayed entries are deleted (all but the newest, which keeps the sequence growing), except after the foreign key
 * check began: then they are kept, and the swap checks those rows again.
 */
final class Copier implements AutoCloseable {
    private final PreparedStatement chunk;
    private final PreparedStatement first;
    private final PreparedStatement shadowMax;
    private final PreparedStatement checkpoint;
    private final PreparedStatement batchEnd;
    private final PreparedStatement lastSeq;
    private final PreparedStatement deleteShadow;
    private final PreparedStatement copyLogged;
    private final PreparedStatement dropReplayed;
    private final PreparedStatement backlog;
    private final List<SortedIndex.Statements> sorted = new ArrayList<>();

    Copier(Connection c, Target t, List<SortedIndex> sortedIndexes) throws SQLException {
        String log = Target.logQ();
        String batch = "SELECT rid FROM " + log + " WHERE seq > ?1 AND seq <= ?2";
        chunk = c.prepareStatement(t.copyChunkSql());
        // the one rowid that "rowid > ?" cannot reach from below
        first = c.prepareStatement(t.copyRowsSql("SELECT " + Long.MIN_VALUE));
        shadowMax = c.prepareStatement("SELECT max(" + t.shadowRowid() + ") FROM " + t.shadowQ());
        checkpoint = c.prepareStatement(Ledger.checkpointSql());
        batchEnd = c.prepareStatement("SELECT seq FROM " + log + " WHERE seq > ?1 ORDER BY seq LIMIT 1 OFFSET ?2");
        lastSeq = c.prepareStatement("SELECT max(seq) FROM " + log);
        deleteShadow = c.prepareStatement("DELETE FROM " + t.shadowQ() + " WHERE " + t.shadowRowid() + " IN (" + batch + ")");
        copyLogged = c.prepareStatement(t.copyRowsSql(batch + " AND rid <= ?3"));
        // the newest entry stays: SQLite numbers a new row max(seq) + 1, and an empty log would start again at 1
        dropReplayed = c.prepareStatement("DELETE FROM " + log + " WHERE seq < ?1");
        backlog = c.prepareStatement("SELECT count(*) FROM " + log + " WHERE seq > ?1");
        for (SortedIndex i : sortedIndexes) sorted.add(i.prepare(c));
    }

    /** How many indexes are built in key order. */
    int sortedCount() {
        return sorted.size();
    }

    /** Appends up to {@code rows} entries to the {@code i}th index built in key order; the number appended. */
    long sortedChunk(int i, long rows) throws SQLException {
        return sorted.get(i).chunk(rows);
    }

    /** Appends what is left to every index built in key order (the swap). */
    void sortedRest() throws SQLException {
        for (SortedIndex.Statements s : sorted) s.rest();
    }

    /** The change log: a sequence, the rowid, and the old key values of the indexes built in key order (no affinity: as stored). */
    static String createLogSql(List<SortedIndex> sorted) {
        StringBuilder old = new StringBuilder();
        for (SortedIndex s : sorted) for (String c : s.logColumns()) old.append(", ").append(c);
        return "CREATE TABLE " + Identifiers.forceQuote(Target.LOG) + " (seq INTEGER PRIMARY KEY, rid INTEGER NOT NULL" + old + ")";
    }

    /** A chunk copied: how many rows, and the last rowid copied. */
    record Copied(long rows, long last) {
    }

    /** Copies up to {@code rows} rows after {@code after} (null: from the first); null when there was none left. */
    Copied chunk(Long after, long rows) throws SQLException {
        int n = after == null ? Sql.update(first) : 0;
        n += Sql.update(chunk, after == null ? Long.MIN_VALUE : after, rows);
        return n == 0 ? null : new Copied(n, Sql.one(shadowMax));
    }

    /** Records the last copied rowid with the chunk. */
    void checkpoint(long copied) throws SQLException {
        Sql.update(checkpoint, copied);
    }

    /**
     * Replays up to {@code rows} log entries after {@code replayed} (a sequence number); returns the sequence number
     * replayed up to, {@code replayed} itself when there was nothing to do.
     *
     * @param copied the last rowid copied: rowids above it are left to the copier
     * @param keep   keep the replayed entries, for the swap to check those rows again
     */
    long replay(long replayed, Long copied, long rows, boolean keep) throws SQLException {
        Long end = Sql.one(batchEnd, replayed, rows - 1);
        if (end == null) end = Sql.one(lastSeq);
        if (end == null || end <= replayed) return replayed;
        if (copied != null) {
            Sql.update(deleteShadow, replayed, end);
            Sql.update(copyLogged, replayed, end, copied);
        }
        for (SortedIndex.Statements s : sorted) s.replay(replayed, end);
        if (!keep) Sql.update(dropReplayed, end);
        return end;
    }

    /** Log entries after {@code replayed}: the changes not replayed yet. */
    long backlog(long replayed) throws SQLException {
        Long n = Sql.one(backlog, replayed);
        return n == null ? 0 : n;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement p : new PreparedStatement[] {chunk, first, shadowMax, checkpoint, batchEnd, lastSeq, deleteShadow,
                copyLogged, dropReplayed, backlog}) {
            p.close();
        }
        for (SortedIndex.Statements s : sorted) s.close();
    }
}
