package io.liteshift.online;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an online rebuild paces itself.
 *
 * @param maxLock     the target time of each chunk, the longest the copier holds the write lock at a time; chunk sizes
 *                    adapt to it. The default (7 ms) lets a writer that waits with SQLite's busy timeout in at its attempt
 *                    8 ms after it found the lock taken (the busy handler tries at 1, 3, 8, 18 ms, ...).
 * @param lockTimeout how long one attempt to take the write lock may wait for the application's own transactions before
 *                    it backs off (a chunk) or gives up (the whole change, after repeated attempts)
 * @param progress    told after every chunk and at each phase; called on the rebuilding thread, so it must be quick
 */
public record OnlineOptions(Duration maxLock, Duration lockTimeout, Consumer<Progress> progress) {
    public static final Duration DEFAULT_MAX_LOCK = Duration.ofMillis(7);

    public OnlineOptions {
        Objects.requireNonNull(maxLock, "maxLock");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(progress, "progress");
        if (maxLock.toMillis() < 1) throw new IllegalArgumentException("maxLock must be at least 1 ms, was " + maxLock);
    }

    public static OnlineOptions defaults() {
        return new OnlineOptions(DEFAULT_MAX_LOCK, Duration.ofSeconds(10), p -> { });
    }

    public OnlineOptions withMaxLock(Duration d) {
        return new OnlineOptions(d, lockTimeout, progress);
    }

    public OnlineOptions withLockTimeout(Duration d) {
        return new OnlineOptions(maxLock, d, progress);
    }

    public OnlineOptions withProgress(Consumer<Progress> p) {
        return new OnlineOptions(maxLock, lockTimeout, p);
    }
}
