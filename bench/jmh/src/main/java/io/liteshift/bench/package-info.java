/**
 * The benchmarks: JMH benchmarks and timed runs of diff, lint, push, scripts and migrate on generated databases, for
 * the figures in the benchmarks document.
 */
package io.liteshift.bench;
