package io.liteshift.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Wall-clock samples of one measured thing, summarised by median and range. */
final class Timings {
    private final List<Long> nanos = new ArrayList<>();

    /** Runs {@code work}, records how long it took and returns its result. */
    <T> T time(Callable<T> work) throws Exception {
        long t0 = System.nanoTime();
        T result = work.call();
        nanos.add(System.nanoTime() - t0);
        return result;
    }

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    double medianMs() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        long mid = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return mid / 1e6;
    }

    @Override
    public String toString() {
        if (nanos.isEmpty()) return "no samples";
        return String.format("median %8.1f ms  (min %.1f, max %.1f, n=%d)", medianMs(),
                Collections.min(nanos) / 1e6, Collections.max(nanos) / 1e6, nanos.size());
    }
}
