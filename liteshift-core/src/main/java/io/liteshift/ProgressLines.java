package io.liteshift;

import io.liteshift.online.Progress;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * An online rebuild's progress as lines for a log: one at each phase, and during the copy one every {@link #EVERY}
 * at most, so that a log or a CI job keeps a readable trace of a long copy rather than a line per chunk.
 */
public final class ProgressLines implements Consumer<Progress> {
    /** How often a line is written during a phase. */
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final Consumer<String> lines;
    private final String prefix;
    private Progress.Phase phase;
    private long printed;

    private ProgressLines(Consumer<String> lines, String prefix) {
        this.lines = lines;
        this.prefix = prefix;
    }

    /** Lines to {@code lines}, each starting with {@code prefix} ("tenants/acme.db: ", or ""). */
    public static ProgressLines to(Consumer<String> lines, String prefix) {
        return new ProgressLines(lines, prefix);
    }

    @Override
    public synchronized void accept(Progress p) {
        long now = System.nanoTime();
        if (p.phase() == phase && now - printed < EVERY.toNanos()) return;
        phase = p.phase();
        printed = now;
        lines.accept(prefix + p.line());
    }
}
