package io.liteshift.spring.boot;

import io.liteshift.LiteShift;

/**
 * Replaces what liteshift does on startup ({@code liteShift.migrate()}): declare one as a bean to check first, take a
 * backup of your own, run {@code verify()} afterwards, or skip migrating on some machines. A {@link
 * io.liteshift.LiteShiftException} it throws stops startup as the default's refusals do.
 */
@FunctionalInterface
public interface LiteShiftMigrationStrategy {
    void migrate(LiteShift liteShift);
}
