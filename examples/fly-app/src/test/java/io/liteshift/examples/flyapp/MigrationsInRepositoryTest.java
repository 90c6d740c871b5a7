package io.liteshift.examples.flyapp;

import io.liteshift.LiteShift;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `liteshift verify` without a database checks in CI, for the example: the integrity file holds, every snapshot
 * is what its migrations make, and schema.sql is fully covered by migrations (a schema change that nobody generated
 * a migration for fails the build).
 */
class MigrationsInRepositoryTest {

    @Test
    void schemaSqlMigrationsSnapshotsAndIntegrityFileAgree() {
        assertThat(LiteShift.configure().migrations(Path.of("src/main/resources/db/migrations")).schema(Path.of("schema.sql"))
                .load().verifyDirectory()).isEmpty();
    }
}
