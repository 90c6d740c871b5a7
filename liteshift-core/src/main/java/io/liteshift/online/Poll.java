package io.liteshift.online;

import io.liteshift.Interruption;
import org.sqlite.BusyHandler;

import java.time.Duration;

/**
 * How the rebuild waits for the application's write transactions: an attempt every millisecond (theirs are short, and
 * the rebuild should take the lock as soon as it is free), for up to the lock timeout. A stop request ends the wait,
 * except while the rebuild removes what it made, which must finish.
 */
final class Poll extends BusyHandler {
    private final long timeoutNanos;
    private long since;
    volatile boolean finishing;

    Poll(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected int callback(int attempts) {
        long now = System.nanoTime();
        if (attempts == 0) since = now;
        if (now - since > timeoutNanos || (!finishing && Interruption.requested())) return 0;
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!finishing) return 0;
        }
        return 1;
    }
}
