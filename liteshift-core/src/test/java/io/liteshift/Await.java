package io.liteshift;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests: on a condition, with a deadline, never for a fixed time that a loaded machine may not honour. */
public final class Await {
    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} when it still does not after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited " + timeout + " for " + what);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
