package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.liteshift.cli.JsonOut.list;
import static io.liteshift.cli.JsonOut.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --json} of the commands that copy, seed, compare and push, checked against the files they name: sizes,
 * checksums, row counts, columns.
 */
class JsonDataCommandsTest extends InTemporaryWorkingDirectory {
    private Path db;

    @BeforeEach
    void migratedWithRows() throws Exception {
        db = dir.resolve("app.db");
        Files.writeString(dir.resolve("liteshift.toml"), "database = \"app.db\"\n[migrate]\ncreate = true\n");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        assertThat(Cli.run("migrate").exitCode()).isZero();
        TestDb.exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)"
                + " INSERT INTO notes (body) SELECT 'note ' || i FROM n");
    }

    @Test
    void backupBackupsAndRestore() throws Exception {
        Map<String, Object> taken = JsonOut.of("backup", Cli.run("backup", "--json"));
        assertThat(taken).containsEntry("database", db.toString());
        Map<String, Object> b = map(taken, "backup");
        Path file = Path.of((String) b.get("file"));
        assertThat(b).containsEntry("version", 1).containsEntry("size", (int) Files.size(file));
        assertThat(Path.of((String) b.get("manifest"))).exists();
        assertThat(TestDb.count(file, "notes")).isEqualTo(50);

        Map<String, Object> listed = JsonOut.of("backups", Cli.run("backups", "--json"));
        assertThat(listed).containsEntry("directory", dir.resolve("backups").toString()).containsEntry("partial", List.of());
        assertThat(list(listed, "backups")).singleElement().satisfies(x -> assertThat(x).containsEntry("file", file.toString())
                .containsEntry("sha256", b.get("sha256")));

        // under --each, each database's backup the same way, in its own entry
        Map<String, Object> each = JsonOut.of("backup", Cli.run("backup", "--each", "*.db", "--to", "each", "--json"));
        assertThat(list(each, "databases")).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("database", "app.db").containsEntry("ok", true);
            Path copy = Path.of((String) map(d, "backup").get("file"));
            assertThat(copy.getParent()).isEqualTo(dir.resolve("each"));
            assertThat(TestDb.count(copy, "notes")).isEqualTo(TestDb.count(db, "notes"));
        });

        TestDb.exec(db, "DELETE FROM notes WHERE id > 10");
        Map<String, Object> dryRun = JsonOut.of("restore", Cli.run("restore", file.toString(), "--json"));
        assertThat(dryRun).containsEntry("dryRun", true).containsEntry("replaces", true);
        assertThat(TestDb.count(db, "notes")).as("a dry run changes nothing").isEqualTo(10);
        Map<String, Object> restored = JsonOut.of("restore", Cli.run("restore", file.toString(), "--yes", "--json"));
        assertThat(restored).containsEntry("dryRun", false).containsEntry("database", db.toString());
        assertThat(TestDb.count(db, "notes")).isEqualTo(50);
        assertThat(TestDb.count(Path.of((String) restored.get("replaced")), "notes")).as("the old file, kept").isEqualTo(10);
    }

    @Test
    void seedRefusedWhilePendingThenApplied() throws Exception {
        Files.createDirectories(dir.resolve("seeds"));
        Files.writeString(dir.resolve("seeds/01_more.sql"), "INSERT INTO notes (body) VALUES ('seeded 1'), ('seeded 2');\n");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();
        Cli.Result pending = Cli.run("seed", "--json");
        assertThat(pending.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(JsonOut.error("seed", pending)).containsEntry("reason", "not_migrated").containsEntry("fix", List.of("liteshift migrate"));
        assertThat(TestDb.count(db, "notes")).isEqualTo(50);

        assertThat(Cli.run("migrate").exitCode()).isZero();
        Map<String, Object> seeded = JsonOut.of("seed", Cli.run("seed", "--json"));
        assertThat(seeded).containsEntry("directory", dir.resolve("seeds").toString()).containsEntry("upToDate", 0);
        assertThat(list(seeded, "applied")).extracting(a -> a.get("name")).containsExactly("01_more.sql");
        assertThat(TestDb.count(db, "notes")).isEqualTo(52);
        assertThat(JsonOut.of("seed", Cli.run("seed", "--json"))).containsEntry("applied", List.of()).containsEntry("upToDate", 1);
    }

    @Test
    void pullDiffAndPush() throws Exception {
        Map<String, Object> pulled = JsonOut.of("pull", Cli.run("pull", "--json"));
        assertThat(pulled).containsEntry("tables", List.of("notes")).containsEntry("out", null);
        assertThat((String) pulled.get("sql")).contains("CREATE TABLE notes").doesNotContain("liteshift_migrations");
        Map<String, Object> written = JsonOut.of("pull", Cli.run("pull", "--out", "pulled.sql", "--json"));
        assertThat(written).containsEntry("out", dir.resolve("pulled.sql").toString());
        assertThat(Files.readString(dir.resolve("pulled.sql"))).isEqualTo(pulled.get("sql"));

        Files.writeString(dir.resolve("wanted.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '', pinned INTEGER);\n");
        Map<String, Object> diff = JsonOut.of("diff", Cli.run("diff", "--from", db.toString(), "--to", dir.resolve("wanted.sql").toString(), "--json"));
        assertThat(diff).containsEntry("equal", false).containsEntry("rebuilt", List.of("notes"));
        assertThat((String) diff.get("sql")).contains("_liteshift_new_notes");
        assertThat(JsonOut.of("diff", Cli.run("diff", "--from", dir.resolve("pulled.sql").toString(), "--to", db.toString(), "--json")))
                .containsEntry("equal", true).containsEntry("sql", "").containsEntry("steps", List.of());

        TestDb.exec(db, "UPDATE notes SET body = NULL WHERE id <= 3");
        Map<String, Object> dry = JsonOut.of("push", Cli.run("push", "--schema", "wanted.sql", "--dry-run", "--json"));
        assertThat(dry).containsEntry("dryRun", true).containsEntry("applied", false).containsEntry("nothingToDo", false);
        assertThat(list(dry, "findings")).anySatisfy(f -> assertThat(f).containsEntry("code", "backfill").containsEntry("destroys", false));
        assertThat(TestDb.column(db, "SELECT name FROM pragma_table_info('notes')")).as("dry run").containsExactly("id", "body");

        Map<String, Object> pushed = JsonOut.of("push", Cli.run("push", "--schema", "wanted.sql", "--json"));
        assertThat(pushed).containsEntry("applied", true).containsEntry("online", List.of()).containsEntry("recoveries", List.of());
        assertThat(TestDb.column(db, "SELECT name FROM pragma_table_info('notes')")).containsExactly("id", "body", "pinned");
        assertThat(TestDb.count(db, "notes")).isEqualTo(50);
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM notes WHERE body = ''")).isEqualTo(3);
        assertThat(JsonOut.of("push", Cli.run("push", "--schema", "wanted.sql", "--json"))).containsEntry("nothingToDo", true)
                .containsEntry("applied", false);
    }
}
