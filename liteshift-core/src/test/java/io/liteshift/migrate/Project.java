package io.liteshift.migrate;

import io.liteshift.LiteShift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String part : sql.split(";\\s*\\n")) if (!part.isBlank()) s.execute(part);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    List<List<Object>> rows(String query) {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
                out.add(row);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    long count(String query) {
        return ((Number) rows(query).get(0).get(0)).longValue();
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
