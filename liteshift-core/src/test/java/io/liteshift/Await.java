package io.liteshift;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waiting in tests: on a condition, with a deadline, never for a fixed time that a loaded machine may not honour.
 * The one place a test polls: every wait for a thread, a process or a file goes through here.
 */
public final class Await {
    private static final long POLL_MILLIS = 1; // as often as the tightest wait needs: a window that lasts milliseconds (a migration under way)

    private Await() {
    }

    /**
     * What is waited for. It may read files or databases on the way (their exceptions fail the wait), and may fail
     * the wait itself, with an {@link AssertionError}, as soon as it knows the condition can no longer come true
     * (the process it waits for has exited).
     */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} when it still does not after {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) {
        until(what, timeout, condition, () -> "");
    }

    /** {@link #until(String, Duration, Condition)}, and a timeout says {@code state} too (a process's output so far). */
    public static void until(String what, Duration timeout, Condition condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check(what, condition)) {
            if (System.nanoTime() > deadline) {
                String s = state.get();
                throw new AssertionError("waited " + timeout + " for " + what + (s.isEmpty() ? "" : ":\n" + s));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static boolean check(String what, Condition condition) {
        try {
            return condition.holds();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("could not tell whether " + what + ": " + e, e);
        }
    }
}
