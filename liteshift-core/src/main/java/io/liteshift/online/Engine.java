package io.liteshift.online;

import io.liteshift.Fix;
import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.schema.Index;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.Locks;
import org.sqlite.BusyHandler;
import org.sqlite.ProgressHandler;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drives one online rebuild through its phases, one write transaction (or one read) per {@link #step()}: set up,
 * copy chunks (replaying the log before each), check foreign keys, swap, drain the old table. {@link #run()} steps to
 * the end, leaving the lock free for a pause ({@link Gaps}) after each write; tests step it themselves and write between
 * steps. Any failure before the swap removes what the rebuild made; after it, the rebuild is complete and only the
 * draining is left for the next run.
 */
final class Engine implements AutoCloseable {
    private final Path file;
    private final Target t;
    private final OnlineOptions options;
    private final Poll poll;
    private final Pace copyPace;
    private final Pace replayPace;
    private final Pace drainPace;
    private Connection conn;
    private Copier copier;
    private Progress.Phase phase = Progress.Phase.SETUP;
    private Recovery recovery = new Recovery.Nothing();
    /** The last rowid copied; null before the first row. */
    private Long copied;
    /** The log's sequence number replayed up to. */
    private long replayed;
    private long total;
    private long chunks;
    private long copiedRows;
    /** Entries appended to the indexes filled in key order, for the progress line. */
    private long entries;
    private boolean copyDone;
    /** The full foreign key check ran: from then on replayed log entries are kept for the swap's check. */
    private boolean checked;
    private long longestLockNanos;
    private long lastLockNanos;
    /** The table the drain is emptying, read once ({@link Drain#of}). */
    private Drain draining;
    private final Gaps gaps = new Gaps();
    private String longestLockIn = "";
    private final long started = System.nanoTime();
    private long swapped;
    private long drained;
    private long rowsAfter;
    /** The most rows a chunk copies: unlimited, except for tests that interleave writes with many small chunks. */
    private long chunkCap = Long.MAX_VALUE;
    /** The last chunk failed on a constraint: the next replays the whole log first. */
    private boolean catchUp;
    /** How each declared index is built, and how far the key-ordered ones are. */
    private IndexPlan indexes;
    /** Every row up to the table's end was copied once; the rows the application adds are copied as they come. */
    private boolean tableDone;
    /** Folded names of indexes built with the shadow because a NULL key turned up: the rebuild started again without them. */
    private final Set<String> onShadow = new HashSet<>();

    private Engine(Path file, Target t, OnlineOptions options) {
        this.file = file;
        this.t = t;
        this.options = options;
        this.poll = new Poll(options.lockTimeout());
        this.copyPace = new Pace(options.maxLock());
        this.replayPace = new Pace(options.maxLock());
        this.drainPace = new Pace(options.maxLock());
        this.indexes = IndexPlan.none(options.maxLock());
    }

    /** Opens the database and refuses, before writing anything, a rebuild that cannot be done online. */
    static Engine open(Path file, Target target, OnlineOptions options) {
        Engine e = new Engine(file, target, options);
        try {
            e.conn = connect(file, e.poll, options);
            Refusals.require(e.conn, file, target);
            return e;
        } catch (SQLException | RuntimeException x) {
            e.close();
            if (x instanceof RuntimeException r) throw r;
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot start the online rebuild of " + target.table()
                    + " in " + file + ": " + SqliteErrors.message((SQLException) x) + ". Nothing was changed.", x);
        }
    }

    private static Connection connect(Path file, Poll poll, OnlineOptions options) throws SQLException {
        Connection c = Databases.open(file, false, false, options.lockTimeout());
        try {
            BusyHandler.setHandler(c, poll);
            // off before any transaction, where SQLite honours it: the copy fires no action, the renames touch no REFERENCES
            Databases.exec(c, "PRAGMA foreign_keys = OFF");
            Databases.exec(c, "PRAGMA legacy_alter_table = OFF");
            Databases.exec(c, "PRAGMA recursive_triggers = OFF");
            // WAL with NORMAL is consistent after any crash; a power loss may undo the last chunks, which are then copied again
            Databases.exec(c, "PRAGMA synchronous = NORMAL");
            // the shadow's indexes are filled in rowid order, not key order: a large cache keeps their pages at hand
            Databases.exec(c, "PRAGMA cache_size = -65536");
            // the application's commits make SQLite drop this connection's page cache; mapped pages are read without a copy
            Databases.exec(c, "PRAGMA mmap_size = 1073741824");
            // checkpoints are run after each commit by wal(), outside the lock, and timed apart from it
            Databases.exec(c, "PRAGMA wal_autocheckpoint = 0");
            Databases.exec(c, "PRAGMA temp_store = MEMORY");
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    Progress.Phase phase() {
        return phase;
    }

    /** Test hook: chunks of at most {@code rows} rows, so that a small table is copied in many steps. */
    Engine capChunks(long rows) {
        this.chunkCap = rows;
        return this;
    }

    /** Steps to the end: the result, or a refusal / {@link Interrupted} after removing what the rebuild made. */
    OnlineResult run() {
        recover();
        while (phase != Progress.Phase.DONE) {
            if (Interruption.requested()) throw stopped(null);
            Progress.Phase before = phase;
            step();
            if (before == Progress.Phase.COPY || before == Progress.Phase.DRAIN || before == Progress.Phase.CUT_OVER) yieldLock();
        }
        return result();
    }

    OnlineResult result() {
        double seconds = Math.max(1e-9, (swapped - started) / 1e9);
        return new OnlineResult(t.table(), rowsAfter, Duration.ofNanos(swapped - started), Duration.ofNanos(drained - swapped),
                Duration.ofNanos(longestLockNanos), chunks, copiedRows / seconds, recovery);
    }

    /** One transaction's worth of work; the phase after it. */
    Progress.Phase step() {
        try {
            switch (phase) {
                case SETUP -> setup();
                case COPY -> copy();
                case CHECK -> check();
                case CUT_OVER -> cutOver();
                case DRAIN -> drain();
                case DONE -> { }
            }
            return phase;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** What an earlier run left: resumed when it is this rebuild, else finished or removed; then this one starts. */
    Recovery recover() {
        try {
            Optional<Ledger.Entry> left = Ledger.read(conn);
            if (left.isEmpty()) return recovery;
            Ledger.Entry e = left.get();
            if (Ledger.alive(e.owner())) throw Refusals.busy(file, e);
            recovery = switch (e.stage()) {
                case DRAIN -> {
                    finishDrain("_liteshift_old_" + e.table());
                    yield new Recovery.Finished(e.table());
                }
                case REMOVE -> {
                    finishRemoval(e.table());
                    stoppableAgain();
                    yield new Recovery.CleanedUp(e.table(), "it had been stopped or refused");
                }
                case COPY -> resumeOrRemove(e);
            };
            return recovery;
        } catch (SQLException x) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot look at what an earlier online rebuild left in " + file
                    + ": " + SqliteErrors.message(x) + ". Nothing was changed.", x);
        }
    }

    private Recovery resumeOrRemove(Ledger.Entry e) throws SQLException {
        String why = !Identifiers.same(e.table(), t.table()) ? "it rebuilt another table"
                : !e.fingerprint().equals(t.fingerprint()) ? "the table or the declared schema changed since"
                : !complete() ? "part of it is missing" : null;
        if (why != null) {
            finishRemoval(e.table());
            stoppableAgain();
            return new Recovery.CleanedUp(e.table(), why);
        }
        begin();
        Ledger.adopt(conn);
        commit();
        copied = e.copied();
        total = e.total();
        chunks = e.chunks();
        indexes = IndexPlan.resumed(conn, t, options.maxLock());
        copier = new Copier(conn, t, indexes.sorted());
        phase = Progress.Phase.COPY;
        return new Recovery.Resumed(t.table(), e.copied() == null ? 0 : copiedUpTo());
    }

    private long copiedUpTo() throws SQLException {
        Long n = Sql.one(conn, "SELECT count(*) FROM " + t.shadowQ());
        return n == null ? 0 : n;
    }

    /** The shadow, the log and the capture triggers are all there. */
    private boolean complete() throws SQLException {
        if (!Drain.exists(conn, t.shadow()) || !Drain.exists(conn, Target.LOG)) return false;
        for (String trigger : Capture.names().subList(0, 3)) if (!Drain.exists(conn, trigger)) return false;
        return true;
    }

    private void setup() throws SQLException {
        total = Sql.one(conn, "SELECT count(*) FROM " + t.tableQ());
        begin();
        try {
            indexes = IndexPlan.setup(conn, t, onShadow, options.maxLock());
            Ledger.create(conn, t, total);
            Databases.exec(conn, Copier.createLogSql(indexes.sorted()));
            Databases.exec(conn, t.shadowSql(!t.to().autoincrement() || Drain.exists(conn, "sqlite_sequence")));
            for (Index i : t.indexes()) if (indexes.onShadow(i)) Databases.exec(conn, t.shadowIndexSql(i));
            for (SortedIndex i : indexes.sorted()) Databases.exec(conn, i.createSql());
            for (String trigger : Capture.triggers(conn, t, indexes.sorted())) Databases.exec(conn, trigger);
            commit();
        } catch (SQLException | RuntimeException e) {
            Databases.rollbackAfter(conn, e);
            throw e;
        }
        copier = new Copier(conn, t, indexes.sorted());
        phase = Progress.Phase.COPY;
        report();
    }

    /**
     * One chunk: replay the log's oldest entries, then copy the next rows, in as much time as the budget allows. A
     * constraint failure can be an order effect: a row copied now clashes with a shadow row whose change is still in
     * the log (a row moved to a new rowid the copier reaches first). So the step after one replays the whole log before
     * its chunk, and only a failure of that step is a violation.
     */
    private void copy() throws SQLException {
        long budget = options.maxLock().toNanos();
        Snapshot before = snapshot();
        begin();
        long locked = System.nanoTime();
        try {
            long from = replayed;
            long batch = catchUp ? Long.MAX_VALUE / 2 : Math.min(chunkCap, replayPace.rows(0.5));
            replayed = copier.replay(replayed, copied, batch, checked);
            long afterReplay = System.nanoTime();
            replayPace.took(replayed - from, afterReplay - locked);
            double share = shareLeft(locked, budget);
            long rows = Math.min(chunkCap, copyPace.rows(share));
            boolean copying = !tableDone;
            Copier.Copied chunk = copier.chunk(copied, rows);
            if (chunk != null) {
                copiedRows += chunk.rows();
                copied = chunk.last();
                copier.checkpoint(copied);
                chunks++;
            }
            // a short chunk reached the table's end: rows the application inserts from now on are copied by the next
            // chunks and by the swap (it copies every row above the last one copied under its lock). Waiting for an
            // empty chunk instead would chase the inserts for as long as they come faster than one per chunk
            if (chunk == null || chunk.rows() < rows) tableDone = true;
            SortedChunk sortedChunk = copying ? null : sortedChunk(locked, budget);
            copyDone = tableDone && indexes.next() < 0;
            commit();
            catchUp = false;
            long end = System.nanoTime();
            // the commit writes the chunk's pages to the WAL under the lock: its time is the chunk's too; a short last
            // chunk says little about the time per row
            if (copying && chunk != null && chunk.rows() == rows) copyPace.took(chunk.rows(), end - afterReplay);
            if (sortedChunk != null && sortedChunk.full()) indexes.pace(sortedChunk.index()).took(sortedChunk.appended(), end - sortedChunk.from());
        } catch (SQLException | RuntimeException e) {
            Databases.rollbackAfter(conn, e);
            restore(before);
            SortedIndex nulled = e instanceof SQLException s ? indexes.nullKey(s) : null;
            if (nulled != null) {
                restartWithout(nulled);
                return;
            }
            if (e instanceof SQLException s && Violations.isConstraint(s)) {
                if (!catchUp) {
                    catchUp = true;
                    return;
                }
                throw violation();
            }
            throw e;
        } finally {
            held(locked);
        }
        if (copyDone && copier.backlog(replayed) <= cutOverBacklog()) phase = Progress.Phase.CHECK;
        report();
    }

    /** Entries appended to the {@code index}th key-ordered index, of {@code asked}, from {@code from} (nanoTime). */
    private record SortedChunk(int index, long asked, long appended, long from) {
        boolean full() {
            return appended == asked;
        }
    }

    /** Once the table is copied: a chunk of the next index filled in key order, in what is left of the budget; or null. */
    private SortedChunk sortedChunk(long locked, long budget) throws SQLException {
        int index = indexes.next();
        if (index < 0) return null;
        long asked = Math.min(chunkCap, indexes.pace(index).rows(shareLeft(locked, budget)));
        long from = System.nanoTime();
        long appended = copier.sortedChunk(index, asked);
        entries += appended;
        if (appended < asked) indexes.finished(index);
        return new SortedChunk(index, asked, appended, from);
    }

    /** The share of the budget left since the lock was taken at {@code locked}, at least a quarter (a chunk copies something). */
    private static double shareLeft(long locked, long budget) {
        return Math.max(0.25, 1 - (double) (System.nanoTime() - locked) / budget);
    }

    /** What a step changes in memory, to put back when its transaction rolls back. */
    private record Snapshot(Long copied, long replayed, long copiedRows, long entries, long chunks, boolean copyDone,
                            boolean tableDone, boolean[] sortedDone) {
    }

    private Snapshot snapshot() {
        return new Snapshot(copied, replayed, copiedRows, entries, chunks, copyDone, tableDone, indexes.progress());
    }

    private void restore(Snapshot s) {
        copied = s.copied();
        replayed = s.replayed();
        copiedRows = s.copiedRows();
        entries = s.entries();
        chunks = s.chunks();
        copyDone = s.copyDone();
        tableDone = s.tableDone();
        indexes.restore(s.sortedDone());
    }

    /**
     * Removes what the rebuild made and starts it again with {@code index} built with the shadow: its first column holds
     * a NULL now, which a key-ordered build cannot store. The application's table was never touched.
     */
    private void restartWithout(SortedIndex index) throws SQLException {
        onShadow.add(Identifiers.fold(index.declared().name()));
        if (copier != null) copier.close();
        copier = null;
        finishRemoval(t.table());
        stoppableAgain();
        copied = null;
        replayed = 0;
        copiedRows = 0;
        entries = 0;
        chunks = 0;
        copyDone = false;
        tableDone = false;
        checked = false;
        catchUp = false;
        indexes = IndexPlan.none(options.maxLock());
        phase = Progress.Phase.SETUP;
    }

    /** The backlog the swap replays inside its lock: what fits in half the budget at the measured replay rate. */
    private long cutOverBacklog() {
        return Math.max(16, replayPace.rows(0.5));
    }

    /** Every foreign key of and to the declared table, in a read transaction: writers go on meanwhile. */
    private void check() throws SQLException {
        Databases.exec(conn, "BEGIN DEFERRED");
        try {
            Optional<String> broken = ForeignKeys.broken(conn, t, replayed, false);
            Databases.exec(conn, "COMMIT");
            if (broken.isPresent()) {
                String removed = abandon();
                throw Violations.foreignKeys(t, broken.get(), removed);
            }
        } catch (SQLException e) {
            Databases.rollbackAfter(conn, e);
            throw e;
        }
        checked = true;
        phase = Progress.Phase.CUT_OVER;
        report();
    }

    /** The swap, when the backlog still fits in the lock; otherwise one more replay and back to copying. */
    private void cutOver() throws SQLException {
        Snapshot before = snapshot();
        begin();
        long locked = System.nanoTime();
        try {
            if (copier.backlog(replayed) > 4 * cutOverBacklog()) {
                replayed = copier.replay(replayed, copied, cutOverBacklog(), true);
                commit();
                phase = Progress.Phase.COPY;
                return;
            }
            replayed = copier.replay(replayed, copied, Long.MAX_VALUE / 2, true);
            for (Copier.Copied c = copier.chunk(copied, Long.MAX_VALUE / 2); c != null; c = copier.chunk(copied, Long.MAX_VALUE / 2)) {
                copied = c.last();
                copiedRows += c.rows();
            }
            copier.sortedRest();
            Optional<String> broken = ForeignKeys.broken(conn, t, replayed, true);
            if (broken.isPresent()) {
                Databases.rollbackAfter(conn, new SQLException("broken foreign keys"));
                String removed = abandon();
                throw Violations.foreignKeys(t, broken.get(), removed);
            }
            CutOver.swap(conn, t, indexes.sorted(), indexes.reused());
            Ledger.stage(conn, Ledger.Stage.DRAIN);
            commit();
            copier.close();
            copier = null;
        } catch (SQLException | RuntimeException e) {
            Databases.rollbackAfter(conn, e);
            restore(before);
            SortedIndex nulled = e instanceof SQLException s ? indexes.nullKey(s) : null;
            if (nulled != null) {
                restartWithout(nulled);
                return;
            }
            if (e instanceof SQLException s && Violations.isConstraint(s)) throw violation();
            throw e;
        } finally {
            held(locked);
        }
        swapped = System.nanoTime();
        rowsAfter = Sql.one(conn, "SELECT count(*) FROM " + Identifiers.quote(t.to().name()));
        // the swap renamed indexes behind this connection's back: read the schema afresh
        conn.close();
        conn = connect(file, poll, options);
        phase = Progress.Phase.DRAIN;
        report();
    }

    /** One chunk of the old table's relabelled indexes, then of the old table itself. */
    private void drain() throws SQLException {
        List<String> oldIndexes = Drain.named(conn, OldIndex.PREFIX);
        String next = oldIndexes.isEmpty() ? t.old() : oldIndexes.get(0);
        if (draining == null || !draining.table().equals(next)) draining = Drain.of(conn, next);
        if (drainChunk(draining, oldIndexes.isEmpty()) && oldIndexes.isEmpty()) {
            drained = System.nanoTime();
            phase = Progress.Phase.DONE;
            report();
        }
    }

    /** One chunk of {@code table} deleted; true when it is gone. {@code last}: the state table goes with it. */
    private boolean drainChunk(Drain table, boolean last) throws SQLException {
        begin();
        long locked = System.nanoTime();
        try {
            long rows = drainPace.rows(1);
            long n = table.chunk(conn, rows, last);
            commit();
            // the commit's time is the chunk's too (it writes the pages to the WAL under the lock); a last chunk is short
            if (n == rows) drainPace.took(n, System.nanoTime() - locked);
            return n < 0;
        } catch (SQLException | RuntimeException e) {
            Databases.rollbackAfter(conn, e);
            throw e;
        } finally {
            held(locked);
        }
    }

    private void finishDrain(String table) throws SQLException {
        begin();
        Ledger.adopt(conn);
        commit();
        for (String index : Drain.named(conn, OldIndex.PREFIX)) drainAll(index, false);
        drainAll(table, true);
    }

    private void drainAll(String table, boolean last) throws SQLException {
        Drain d = Drain.of(conn, table);
        while (!drainChunk(d, last)) yieldLock();
    }

    /**
     * Removes everything a rebuild of {@code table} made that did not swap: in one short transaction the capture
     * triggers and the log (the application's writes are not recorded from then on), then the shadow a chunk at a time.
     */
    private void finishRemoval(String table) throws SQLException {
        poll.finishing = true;
        ProgressHandler.clearHandler(conn); // a stop request must not stop the removal half way
        begin();
        try {
            for (String trigger : Capture.names()) Databases.exec(conn, "DROP TRIGGER IF EXISTS " + Identifiers.forceQuote(trigger));
            Databases.exec(conn, "DROP TABLE IF EXISTS " + Target.logQ());
            if (Ledger.read(conn).isPresent()) Ledger.stage(conn, Ledger.Stage.REMOVE);
            commit();
        } catch (SQLException | RuntimeException e) {
            Databases.rollbackAfter(conn, e);
            throw e;
        }
        for (String index : Drain.named(conn, SortedIndex.PREFIX)) drainAll(index, false);
        drainAll("_liteshift_new_" + table, true);
    }

    /** After removing an earlier run's leftovers, this run's own work stops on request again. */
    private void stoppableAgain() throws SQLException {
        poll.finishing = false;
        Databases.interruptible(conn, options.lockTimeout());
        BusyHandler.setHandler(conn, poll);
    }

    /** Removes what this rebuild made; the sentence that says so, for the refusal or the stop. */
    private String abandon() {
        try {
            if (copier != null) copier.close();
            copier = null;
            finishRemoval(t.table());
            phase = Progress.Phase.DONE;
            return t.table() + " is as it was and in use; the shadow table, triggers and change log were removed.";
        } catch (SQLException e) {
            return t.table() + " is as it was and in use; removing the shadow table failed (" + SqliteErrors.message(e)
                    + "), the next run removes it.";
        }
    }

    /** A constraint failure of a chunk or a replay: the row is found, everything removed, and the refusal says which. */
    private RuntimeException violation() {
        try {
            Violations.Found found = locate();
            String key = found == null ? null : Violations.key(conn, t, found.rowid());
            String removed = abandon();
            if (found == null) {
                return new LiteShiftException(LiteShiftException.Reason.FAILED, "the online rebuild of " + t.table()
                        + " failed on a constraint no single row breaks. " + removed + " This is a liteshift bug; please report it.");
            }
            return Violations.refusal(t, key, found, removed);
        } catch (SQLException e) {
            return failed(e);
        }
    }

    /**
     * The row behind a constraint failure: after replaying the whole log (a stale shadow row can clash with a row
     * copied now, which the log would have fixed), the next chunk and the pending log entries are copied one row at a time.
     */
    private Violations.Found locate() throws SQLException {
        begin();
        try {
            Databases.exec(conn, "DELETE FROM " + t.shadowQ() + " WHERE " + t.shadowRowid() + " IN (SELECT rid FROM " + Target.logQ()
                    + " WHERE seq > " + replayed + ")");
            var logged = Violations.rowids(conn, "SELECT DISTINCT rid FROM " + Target.logQ() + " WHERE seq > ?1 AND rid <= ?2 ORDER BY rid",
                    replayed, copied == null ? Long.MIN_VALUE : copied);
            Violations.Found f = copied == null ? null : Violations.first(conn, t, logged);
            if (f == null) {
                var next = Violations.rowids(conn, "SELECT " + t.rowid() + " FROM " + t.tableQ() + " WHERE " + t.rowid() + " > ?1 ORDER BY "
                        + t.rowid() + " LIMIT ?2", copied == null ? Long.MIN_VALUE : copied, Math.max(1000, copyPace.rows(1)));
                f = Violations.first(conn, t, next);
            }
            return f;
        } finally {
            Databases.rollbackAfter(conn, new SQLException("located"));
        }
    }

    private RuntimeException failed(SQLException e) {
        if (Interruption.stopped(e)) return stopped(e);
        if (phase == Progress.Phase.DRAIN) {
            return new LiteShiftException(LiteShiftException.Reason.FAILED, "the online rebuild of " + t.table() + " is complete, but"
                    + " freeing the old table's pages failed: " + SqliteErrors.message(e) + ". The next run frees them.", e);
        }
        String removed = abandon();
        if (Databases.isLocked(e)) {
            return new OnlineRefusal(OnlineRefusal.Kind.LOCK_STARVED, t.table(), null, null, "the online rebuild of " + t.table()
                    + " in " + file + " stopped: " + Databases.keptLocked(options.lockTimeout(), file, Locks.Wanted.WRITE)
                    + ", so the rebuild could not take its next turn. " + removed + " Run again when that is done, or wait longer ("
                    + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + ").", e);
        }
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "the online rebuild of " + t.table() + " in " + file
                + " failed: " + SqliteErrors.message(e) + ". " + removed, e);
    }

    private Interrupted stopped(Throwable cause) {
        String during = "the online rebuild of " + t.table() + " in " + file;
        if (phase == Progress.Phase.DRAIN || phase == Progress.Phase.DONE && swapped > 0) {
            return new Interrupted(during, "the rebuild is complete and in use; freeing the old table's pages is left to the next run", cause);
        }
        return new Interrupted(during, abandon(), cause);
    }

    private void begin() throws SQLException {
        Databases.exec(conn, "BEGIN IMMEDIATE");
    }

    private void commit() throws SQLException {
        Databases.exec(conn, "COMMIT");
    }

    /** After a write transaction: the checkpoint, then the pause that lets the application's writers in ({@link Gaps}). */
    private void yieldLock() {
        long since = Gaps.version(conn);
        Duration ckpt = checkpoint();
        gaps.pause(conn, Duration.ofNanos(lastLockNanos), ckpt, since);
    }

    private void held(long since) {
        long n = System.nanoTime() - since;
        lastLockNanos = n;
        if (n > longestLockNanos) longestLockIn = phase + (catchUp ? " (catching up)" : "");
        longestLockNanos = Math.max(longestLockNanos, n);
    }

    /** The step that held the lock longest: COPY, COPY (catching up), CUT_OVER or DRAIN (for measurements). */
    String longestLockIn() {
        return longestLockIn;
    }

    private void report() {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        long done = copiedRows + entries;
        long all = total * (1 + indexes.sorted().size());
        double rate = done / seconds;
        long left = Math.max(0, all - done);
        long backlog = 0;
        try {
            backlog = copier == null ? 0 : copier.backlog(replayed);
        } catch (SQLException e) {
            // the progress line goes without it
        }
        Duration eta = copyDone || rate <= 0 ? Duration.ZERO : Duration.ofSeconds((long) (left / rate));
        options.progress().accept(new Progress(t.table(), phase, done, all, rate, eta, backlog, Duration.ofNanos(longestLockNanos)));
    }

    /**
     * A passive checkpoint of what the last commit added to the WAL, on this thread and outside the lock (it takes the
     * checkpoint lock, not the write lock): the WAL stays small, and the application's next commit, which would run
     * SQLite's automatic checkpoint itself once the WAL passes 1000 pages, finds nothing to do. Its time counts as part
     * of the gap left to writers.
     */
    private Duration checkpoint() {
        long t0 = System.nanoTime();
        try {
            Databases.exec(conn, "PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // a checkpoint that cannot run now runs after the next chunk
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }


    /** {@link OnlineRebuild#recover(Path, OnlineOptions)}: finishes a drain, removes anything else, resumes nothing. */
    static Recovery recoverAlone(Path file, OnlineOptions options) {
        Engine e = new Engine(file, null, options);
        try {
            e.conn = connect(file, e.poll, options);
            Optional<Ledger.Entry> left = Ledger.read(e.conn);
            if (left.isEmpty()) return new Recovery.Nothing();
            Ledger.Entry entry = left.get();
            if (Ledger.alive(entry.owner())) throw Refusals.busy(file, entry);
            if (entry.stage() == Ledger.Stage.DRAIN) {
                e.finishDrain("_liteshift_old_" + entry.table());
                return new Recovery.Finished(entry.table());
            }
            e.finishRemoval(entry.table());
            return new Recovery.CleanedUp(entry.table(), entry.stage() == Ledger.Stage.REMOVE ? "it had been stopped or refused"
                    : "it was not resumed");
        } catch (SQLException x) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot clean up what an earlier online rebuild left in "
                    + file + ": " + SqliteErrors.message(x) + ". The next run tries again.", x);
        } finally {
            e.close();
        }
    }

    static Optional<String> pending(Path file) {
        try (Connection c = Databases.open(file, false, true)) {
            return Ledger.read(c).map(Ledger.Entry::table);
        } catch (SQLException x) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot read " + file + ": " + SqliteErrors.message(x), x);
        }
    }

    @Override
    public void close() {
        try {
            if (copier != null) copier.close();
            if (conn != null) conn.close();
        } catch (SQLException e) {
            // closing only releases memory here: every transaction has ended
        }
    }
}
