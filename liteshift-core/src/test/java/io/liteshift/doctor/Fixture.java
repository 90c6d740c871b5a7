package io.liteshift.doctor;

import io.liteshift.LiteShift;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.testing.TestDb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A project in a temporary directory: schema.sql, migrations/ and data/app.db, made with the real commands. */
final class Fixture {
    final Path root;
    final Path schema;
    final Path migrations;
    final Path db;

    Fixture(Path root) {
        this.root = root;
        this.schema = root.resolve("schema.sql");
        this.migrations = root.resolve("migrations");
        this.db = root.resolve("data").resolve("app.db");
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LiteShift liteshift() {
        return LiteShift.configure().database(db.toString()).migrations(migrations).schema(schema).createMissing(true).load();
    }

    Fixture generate(String sql, String name) {
        try {
            Files.writeString(schema, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!liteshift().generate(name).written()) throw new AssertionError("nothing generated for " + name);
        return this;
    }

    Fixture migrate() {
        liteshift().migrate();
        return this;
    }

    Fixture sql(String... statements) {
        TestDb.exec(db, statements);
        return this;
    }

    /** The doctor as tests use it: this project's migrations, an empty environment, plenty of disk. */
    Doctor doctor() {
        return Doctor.of(db).migrations(MigrationDirectory.of(migrations)).environment(Map.of()).usableSpace(Long.MAX_VALUE / 4);
    }
}
