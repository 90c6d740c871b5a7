package io.liteshift.backup;

import io.liteshift.sqlite.Bytes;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a long backup says every few seconds: the step it is in and how far it got ("backup: copying, 42% of
 * 10.7 GiB"). Steps that take less than the interval say nothing. The backup API's copy reports through its own
 * callback, so that step is quiet here.
 */
final class Progress implements AutoCloseable {
    private final Consumer<String> out;
    private final ScheduledExecutorService timer;
    private volatile String step;
    private volatile long total;
    private volatile LongSupplier done = () -> 0;

    Progress(Duration every, Consumer<String> out) {
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "liteshift-backup-progress");
            t.setDaemon(true);
            return t;
        });
        long micros = Math.max(1_000, every.toNanos() / 1_000);
        timer.scheduleAtFixedRate(this::report, micros, micros, TimeUnit.MICROSECONDS);
    }

    /** From now on, {@code done} of {@code total} bytes is how far {@code name} got. */
    void step(String name, long total, LongSupplier done) {
        this.total = total;
        this.done = done;
        this.step = name;
    }

    /** A line of its own, such as the backup API's percentage. */
    void line(String text) {
        out.accept(text);
    }

    void quiet() {
        this.step = null;
    }

    private void report() {
        String s = step;
        if (s == null || total <= 0) return;
        long d = Math.min(done.getAsLong(), total);
        if (d > 0 && d < total) out.accept(String.format("backup: %s, %d%% of %s", s, 100 * d / total, Bytes.of(total)));
    }

    @Override
    public void close() {
        quiet();
        timer.shutdownNow();
    }
}
