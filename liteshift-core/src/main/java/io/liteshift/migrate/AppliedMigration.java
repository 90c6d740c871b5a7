package io.liteshift.migrate;

import io.liteshift.sqlite.SchemaVersion;

import java.time.Duration;
import java.time.Instant;

/**
 * A row of the journal, {@code liteshift_migrations}.
 *
 * @param kind {@code migrate} when liteshift ran it, {@code baseline} when an existing database was adopted at it
 */
public record AppliedMigration(int version, String name, String checksum, Instant appliedAt, Duration took,
                               String appliedBy, String kind) {

    public String label() {
        return SchemaVersion.label(version);
    }
}
