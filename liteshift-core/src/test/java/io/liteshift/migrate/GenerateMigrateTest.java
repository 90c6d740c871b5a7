package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateMigrateTest {
    @TempDir
    Path tmp;

    static final String V1 = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, nickname TEXT);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);
            """;
    static final String V2 = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, nickname TEXT NOT NULL DEFAULT '', created TEXT);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);
            CREATE INDEX posts_user ON posts(user_id);
            """;

    @Test
    void generateThenMigrateKeepsEveryRowThroughAParentRebuild() throws Exception {
        Project p = new Project(tmp);
        Path first = p.generate(V1, "init");
        assertThat(first.getFileName().toString()).isEqualTo("0001_init.sql");
        assertThat(p.liteshift().migrate().applied()).hasSize(1);
        p.sql("""
                INSERT INTO users VALUES (1, 'a@x', NULL), (2, 'b@x', 'bee');
                INSERT INTO posts VALUES (10, 1, 'hello'), (11, 1, 'again'), (12, 2, 'bee post');
                """);
        Path second = p.generate(V2, null);
        String text = Files.readString(second);
        assertThat(text).contains("-- Changes:", "Rebuilt tables", "becomes NOT NULL", "PRAGMA foreign_keys = OFF;");
        MigrateResult r = p.liteshift().migrate();
        assertThat(r.applied()).extracting(AppliedMigration::version).containsExactly(2);
        assertThat(r.drift()).isEmpty();
        assertThat(p.count("SELECT count(*) FROM posts")).isEqualTo(3);
        assertThat(p.rows("SELECT id, nickname FROM users ORDER BY id")).containsExactly(List.of(1, ""), List.of(2, "bee"));
        assertThat(p.rows("PRAGMA integrity_check")).containsExactly(List.of("ok"));
        assertThat(p.rows("PRAGMA foreign_key_check")).isEmpty();
        assertThat(p.count("SELECT count(*) FROM liteshift_migrations")).isEqualTo(2);
        assertThat(p.liteshift().verify()).isEmpty();
        assertThat(p.liteshift().migrate().upToDate()).isTrue();
        assertThat(p.liteshift().generate(null).written()).isFalse();
    }

    @Test
    void editedAppliedMigrationIsRefusedUntilHashAndRepair() throws Exception {
        Project p = new Project(tmp);
        Path first = p.generate(V1, "init");
        p.liteshift().migrate();
        Files.writeString(first, Files.readString(first) + "\n-- a reviewed comment\n");
        byte[] before = p.dbBytes();
        assertThatThrownBy(() -> p.liteshift().migrate()).isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("0001_init.sql was changed after liteshift.sum was written");
        assertThatThrownBy(() -> p.liteshift().repair()).isInstanceOf(LiteShiftException.class)
                .hasMessageContainingAll("the migrations directory itself has problems", "0001_init.sql was changed after liteshift.sum was written",
                        "Nothing was changed.");
        assertThat(p.dbBytes()).as("a refused repair writes nothing").isEqualTo(before);
        p.liteshift().hash();
        assertThatThrownBy(() -> p.liteshift().migrate()).hasMessageContaining("has been edited since");
        assertThat(p.dbBytes()).isEqualTo(before);
        assertThat(p.liteshift().repair()).extracting(Migration::version).containsExactly(1);
        assertThat(p.liteshift().migrate().upToDate()).isTrue();
    }
}
