package io.liteshift;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stopping liteshift's long work early without leaving anything behind: a migration is rolled back whole, a push
 * changes nothing, a backup's or a rehearsal's partial copy is removed, and the exception says what state the
 * database is in ({@link Interrupted}).
 *
 * <p>There are two ways to ask. An application interrupts the thread that does the work ({@link Thread#interrupt()},
 * e.g. while it shuts down during migrate on boot); a front end that got a stop signal calls {@link #request} for the
 * whole process (the command line does on SIGINT and SIGTERM). The work notices at its next check: between
 * migrations and backup steps, inside SQLite statements (every connection liteshift opens has a progress handler that
 * asks {@link #requested()}), while waiting for another process's lock, and while a child process copies a file.
 */
public final class Interruption {
    private static volatile String requestedBy;

    private Interruption() {
    }

    /** Asks every liteshift operation of this process to stop at its next check; {@code by} names why ("SIGINT"). */
    public static void request(String by) {
        requestedBy = by;
    }

    /** What asked the whole process to stop ("SIGINT"), if anything did. */
    public static Optional<String> requestedBy() {
        return Optional.ofNullable(requestedBy);
    }

    /** Whether the work on the calling thread should stop: the process was asked to, or this thread was interrupted. */
    public static boolean requested() {
        return requestedBy != null || Thread.currentThread().isInterrupted();
    }

    /**
     * Throws {@link Interrupted} when {@link #requested()}.
     *
     * @param during what was going on, as in "interrupted during ..." ("the backup of /data/app.db")
     * @param state  what state that leaves, as in "...: nothing was applied; 0003_x is still pending"
     */
    public static void check(String during, Supplier<String> state) {
        if (requested()) throw new Interrupted(during, state.get(), null);
    }

    /** SQLITE_INTERRUPT anywhere in the chain: a statement stopped because {@link #requested()} said so. */
    public static boolean isInterrupt(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Interrupted) return true;
            if (c instanceof SQLException e && (code(e) & 0xff) == SQLiteErrorCode.SQLITE_INTERRUPT.code) return true;
        }
        return false;
    }

    /** Whether {@code failure} is, or was caused by, a requested stop: then the state, not the failure, is the news. */
    public static boolean stopped(Throwable failure) {
        return isInterrupt(failure) || requested();
    }

    private static int code(SQLException e) {
        return e instanceof SQLiteException s && s.getResultCode() != null ? s.getResultCode().code : e.getErrorCode();
    }
}
