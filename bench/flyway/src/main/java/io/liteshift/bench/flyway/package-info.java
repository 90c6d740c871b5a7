/**
 * Flyway's {@code migrate} as a program of its own, so that the benchmarks time it in a fresh JVM as they time
 * liteshift's command line.
 */
package io.liteshift.bench.flyway;
