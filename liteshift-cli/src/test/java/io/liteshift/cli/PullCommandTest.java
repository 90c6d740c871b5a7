package io.liteshift.cli;

import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code liteshift pull}: the live schema as a schema file, parents first, bookkeeping left out, never overwriting by accident. */
class PullCommandTest extends InTemporaryWorkingDirectory {
    Path db;

    @BeforeEach
    void aDatabaseMadeChildFirst() {
        // the child table and the view reading another view come first in sqlite_schema, as a hand-made database may have them
        db = TestDb.exec(dir.resolve("app.db"), """
                CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE, body TEXT);
                CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL COLLATE NOCASE, published INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE orphans_seen (n INTEGER);
                CREATE VIEW recent AS SELECT id, title FROM published_posts WHERE id > 10;
                CREATE VIEW published_posts AS SELECT * FROM posts WHERE published;
                CREATE INDEX comments_by_post ON comments (post_id);
                CREATE TRIGGER count_orphans AFTER DELETE ON posts BEGIN INSERT INTO orphans_seen VALUES (1); END;
                CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50));
                INSERT INTO posts VALUES (1, 'hello', 1);
                """);
    }

    @Test
    void printsTheSchemaInDependencyOrderWithOtherToolsTablesLeftOut() throws Exception {
        byte[] before = Files.readAllBytes(db);

        Cli.Result r = Cli.run("pull", "--db", db.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String sql = r.out();
        assertThat(sql).startsWith("-- The schema of app.db, written by `liteshift pull`.")
                .contains("-- Left out: flyway_schema_history (another tool's bookkeeping")
                .doesNotContain("CREATE TABLE flyway_schema_history");
        assertThat(sql.indexOf("CREATE TABLE posts")).isLessThan(sql.indexOf("CREATE TABLE comments"));
        assertThat(sql.indexOf("CREATE VIEW published_posts")).isLessThan(sql.indexOf("CREATE VIEW recent"));
        assertThat(sql.indexOf("CREATE INDEX comments_by_post")).isLessThan(sql.indexOf("CREATE VIEW"));
        assertThat(sql.lastIndexOf("CREATE ")).isEqualTo(sql.indexOf("CREATE TRIGGER count_orphans"));
        assertThat(r.err()).contains("note: left out flyway_schema_history");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(Differ.diff(DeclaredSchema.ofSql(sql).schema(), Inspector.inspect(c))).isEmpty();
        }
        assertThat(Files.readAllBytes(db)).as("pull only reads").isEqualTo(before);
    }

    @Test
    void writesOutOnlyWhenItIsNewOrForced() throws Exception {
        Cli.Result first = Cli.run("pull", "--db", db.toString(), "--out", "schema.sql");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Wrote schema.sql: 3 table(s), 1 index(es), 2 view(s), 1 trigger(s), 0 virtual table(s) of");
        String written = Files.readString(dir.resolve("schema.sql"));
        assertThat(written).isEqualTo(Cli.run("pull", "--db", db.toString()).out());

        Files.writeString(dir.resolve("schema.sql"), "-- mine\n");
        Cli.Result again = Cli.run("pull", "--db", db.toString(), "--out", "schema.sql");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("schema.sql exists, and pull never overwrites a file unless told to. Pass --force", "Nothing was written.");
        CliAssertions.assertNoStackTrace(again);
        assertThat(Files.readString(dir.resolve("schema.sql"))).isEqualTo("-- mine\n");

        Cli.Result forced = Cli.run("pull", "--db", db.toString(), "--out", "schema.sql", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(dir.resolve("schema.sql"))).isEqualTo(written);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left").containsExactlyInAnyOrder("app.db", "schema.sql");
        }
    }

    @Test
    void thePulledSchemaIsWhatPushAndGenerateStartFrom() {
        assertThat(Cli.run("pull", "--db", db.toString(), "--out", "schema.sql").exitCode()).isZero();

        Cli.Result push = Cli.run("push", "--db", db.toString(), "--schema", "schema.sql");
        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(push.out()).contains("Nothing to do");
        Cli.Result generate = Cli.run("generate", "--schema", "schema.sql", "--dir", "migrations", "--name", "adopted");
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        Cli.Result baseline = Cli.run("baseline", "--version", "1", "--db", db.toString(), "--dir", "migrations");
        assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
        assertThat(Cli.run("pull", "--db", db.toString()).out()).as("liteshift's own journal is never pulled")
                .doesNotContain("liteshift_migrations").isEqualTo(readString(dir.resolve("schema.sql")));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMissingDatabaseIsNotCreated() {
        Cli.Result r = Cli.run("pull", "--db", dir.resolve("nope.db").toString(), "--out", "schema.sql");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.db does not exist");
        assertThat(dir.resolve("nope.db")).doesNotExist();
        assertThat(dir.resolve("schema.sql")).doesNotExist();
    }
}
