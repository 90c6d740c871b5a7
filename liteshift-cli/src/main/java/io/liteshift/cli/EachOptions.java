package io.liteshift.cli;

import picocli.CommandLine.Option;

/** {@code --each GLOB} and {@code --parallel N}: one command over many databases (one per tenant, per volume). */
final class EachOptions {
    /** Enough to keep a few cores and disks busy; more mostly adds lock and I/O contention. */
    static final int MAX_PARALLEL = 64;

    @Option(names = "--each", paramLabel = "GLOB",
            description = "every database file GLOB matches, e.g. '/data/tenants/*.db' (quote it); relative to the current"
                    + " directory; * and ? within a name, ** across directories. Not with --db")
    String glob;

    @Option(names = "--parallel", paramLabel = "N",
            description = "with --each: at most N databases at once (default: the number of cores, at most 8)")
    Integer parallel;

    boolean active() {
        return glob != null;
    }

    /** Whether the command runs over many databases: --each, or a --parallel that {@link EachRun} refuses without it. */
    boolean requested() {
        return active() || parallel != null;
    }

    int parallelism() {
        return parallel != null ? parallel : Math.min(8, Runtime.getRuntime().availableProcessors());
    }
}
