package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --db} defaults to $DATABASE_URL, which beats {@code database} in liteshift.toml. A JVM cannot change its own environment, so these tests start the
 * command line in a child JVM on this test's class path, with the environment they need.
 */
class DatabaseUrlEnvironmentTest {

    static final String SCHEMA = """
            CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
            CREATE INDEX note_by_body ON note(body);
            """;

    @TempDir
    Path dir;

    @Test
    void pushUsesDatabaseUrlWhenNoDbIsGiven() throws Exception {
        Path db = TestDb.exec(dir.resolve("app.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO note VALUES (1, 'hi');");
        Path schema = TestDb.writeSchema(dir.resolve("schema.sql"), SCHEMA);

        Cli.Result r = runInChildJvm("file:" + db.toAbsolutePath(), "push", "--schema", schema.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("CREATE INDEX note_by_body");
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema WHERE type = 'index'")).containsExactly("note_by_body");
        assertThat(TestDb.column(db, "SELECT body FROM note")).containsExactly("hi");
    }

    @Test
    void dbOptionWinsOverDatabaseUrl() throws Exception {
        Path chosen = TestDb.exec(dir.resolve("chosen.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        Path other = TestDb.exec(dir.resolve("other.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        String otherBefore = TestDb.dump(other);
        Path schema = TestDb.writeSchema(dir.resolve("schema.sql"), SCHEMA);

        Cli.Result r = runInChildJvm("file:" + other.toAbsolutePath(), "push", "--db", chosen.toString(), "--schema", schema.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TestDb.column(chosen, "SELECT name FROM sqlite_schema WHERE type = 'index'")).containsExactly("note_by_body");
        assertThat(TestDb.dump(other)).isEqualTo(otherBefore);
    }

    @Test
    void withoutDbOrDatabaseUrlPushSaysWhatToPass() throws Exception {
        Path schema = TestDb.writeSchema(dir.resolve("schema.sql"), SCHEMA);

        Cli.Result r = runInChildJvm(null, "push", "--schema", schema.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--db").contains("DATABASE_URL").contains("liteshift.toml").doesNotContain("\tat ");
    }

    @Test
    void databaseUrlWinsOverTheSettingsFileInTheWorkingDirectory() throws Exception {
        Path fromEnv = TestDb.exec(dir.resolve("env.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        Path fromFile = TestDb.exec(dir.resolve("file.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        String fileBefore = TestDb.dump(fromFile);
        TestDb.writeSchema(dir.resolve("schema.sql"), SCHEMA);
        Files.writeString(dir.resolve("liteshift.toml"), "database = \"file.db\"\n");

        Cli.Result withEnv = runInChildJvm("file:" + fromEnv.toAbsolutePath(), "push");

        assertThat(withEnv.exitCode()).as(withEnv.toString()).isZero();
        assertThat(TestDb.column(fromEnv, "SELECT name FROM sqlite_schema WHERE type = 'index'")).containsExactly("note_by_body");
        assertThat(TestDb.dump(fromFile)).isEqualTo(fileBefore);

        Cli.Result withoutEnv = runInChildJvm(null, "push");

        assertThat(withoutEnv.exitCode()).as(withoutEnv.toString()).isZero();
        assertThat(TestDb.column(fromFile, "SELECT name FROM sqlite_schema WHERE type = 'index'")).containsExactly("note_by_body");
    }

    /** Runs {@code Main} in a new JVM with DATABASE_URL set to {@code databaseUrl}, or unset when null. */
    private Cli.Result runInChildJvm(String databaseUrl, String... args) throws IOException, InterruptedException {
        return ChildJvm.run(dir, dir, databaseUrl, args);
    }
}
