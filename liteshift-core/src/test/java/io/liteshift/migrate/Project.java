package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.testing.TestDb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A project in a temporary directory: a schema file, a migrations directory and a database file. */
final class Project {
    final Path root;
    final Path schema;
    final Path migrations;
    final Path db;

    Project(Path root) {
        this.root = root;
        this.schema = root.resolve("schema.sql");
        this.migrations = root.resolve("migrations");
        this.db = root.resolve("app.db");
    }

    Project declare(String sql) {
        write(schema, sql);
        return this;
    }

    LiteShift liteshift() {
        // the engine itself: lint before migrate (on by default) has its own tests
        return LiteShift.configure().database(db.toString()).migrations(migrations).schema(schema).createMissing(true).lintBeforeMigrate(false).load();
    }

    /** declare + generate, asserting that a file was written. */
    Path generate(String sql, String name) {
        declare(sql);
        GenerateResult r = liteshift().generate(name);
        if (!r.written()) throw new AssertionError("nothing generated for " + name);
        return r.file().orElseThrow();
    }

    /** Writes the integrity file only (hash also replays, and refuses migrations that cannot run on an empty database). */
    void sumOnly() {
        MigrationDirectory.of(migrations).writeIntegrityFile();
    }

    Path migration(String fileName, String sql) {
        Path p = migrations.resolve(fileName);
        write(p, sql);
        return p;
    }

    void sql(String sql) {
        TestDb.exec(db, sql);
    }

    List<List<Object>> rows(String query) {
        return TestDb.rows(db, query);
    }

    long count(String query) {
        return TestDb.queryLong(db, query);
    }

    byte[] dbBytes() {
        try {
            return Files.readAllBytes(db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
