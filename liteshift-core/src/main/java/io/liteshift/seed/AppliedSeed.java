package io.liteshift.seed;

import java.time.Duration;

/**
 * A seed this run applied.
 *
 * @param name the file name ({@code 01_countries.sql}) or the {@link Seeder}'s name
 * @param kind {@code once}, {@code repeatable} or {@code java}
 */
public record AppliedSeed(String name, String kind, Duration took) {
}
