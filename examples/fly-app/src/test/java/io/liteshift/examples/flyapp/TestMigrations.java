package io.liteshift.examples.flyapp;

import io.liteshift.LiteShift;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged migrations, and the directory as it was at version 1 (what the previous release shipped). */
final class TestMigrations {
    private TestMigrations() {
    }

    /** src/main/resources/db/migrations as compiled into target/classes. */
    static Path packaged() {
        try {
            return Path.of(TestMigrations.class.getClassLoader().getResource("db/migrations").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Migration 0001 alone, with the integrity file and snapshot that liteshift writes for that directory: exactly
     * what the repository held before 0002 was generated.
     */
    static Path firstVersionOnly(Path into) throws IOException {
        Files.createDirectories(into.resolve("meta"));
        Files.copy(packaged().resolve("0001_notes.sql"), into.resolve("0001_notes.sql"));
        Files.copy(packaged().resolve("meta/0001.schema.sql"), into.resolve("meta/0001.schema.sql"));
        LiteShift.configure().migrations(into).load().hash();
        return into;
    }
}
