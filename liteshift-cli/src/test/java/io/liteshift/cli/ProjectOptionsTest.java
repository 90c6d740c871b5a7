package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import io.liteshift.config.ProjectConfig;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Flags, then DATABASE_URL, then liteshift.toml, then the defaults; relative to the current directory (user.dir). */
class ProjectOptionsTest extends InTemporaryWorkingDirectory {

    static final String SCHEMA = "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\nCREATE INDEX note_by_body ON note(body);\n";


    private static ProjectOptions parse(String... args) {
        ProjectOptions options = new ProjectOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private void settings(String toml) throws IOException {
        Files.writeString(dir.resolve(ProjectConfig.FILE_NAME), toml);
    }

    @Test
    void withNothingGivenTheDefaultsAreInTheCurrentDirectory() {
        ProjectConfig c = parse().resolve(Map.of());

        assertThat(c.file()).isNull();
        assertThat(c.schema()).isEqualTo(dir.resolve("schema.sql"));
        assertThat(c.migrations()).isEqualTo(dir.resolve("migrations"));
        assertThat(c.database()).isNull();
    }

    @Test
    void theFileBeatsTheDefaultsDatabaseUrlBeatsTheFileAndFlagsBeatEverything() throws IOException {
        settings("schema = \"db/schema.sql\"\nmigrations = \"db/migrations\"\ndatabase = \"file:data/app.db\"\n");
        Map<String, String> env = Map.of("DATABASE_URL", "/env/app.db");

        ProjectConfig fromFile = parse().resolve(Map.of());
        ProjectConfig fromEnv = parse().resolve(env);
        ProjectConfig fromFlags = parse("--db", "flag.db", "--schema", "s.sql", "--dir", "m").resolve(env);

        assertThat(fromFile.schema()).isEqualTo(dir.resolve("db/schema.sql"));
        assertThat(fromFile.migrations()).isEqualTo(dir.resolve("db/migrations"));
        assertThat(fromFile.database()).isEqualTo("file:" + dir.resolve("data/app.db"));
        assertThat(fromEnv.database()).isEqualTo("/env/app.db");
        assertThat(fromEnv.schema()).isEqualTo(fromFile.schema());
        assertThat(fromFlags.database()).isEqualTo(dir.resolve("flag.db").toString());
        assertThat(fromFlags.schema()).isEqualTo(dir.resolve("s.sql"));
        assertThat(fromFlags.migrations()).isEqualTo(dir.resolve("m"));
        assertThat(fromFlags.backups()).isEqualTo(dir.resolve("backups"));
    }

    @Test
    void configNamesAnotherFileWhosePathsAreRelativeToIt() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("ci.toml"), "schema = \"schema.sql\"\n");

        ProjectConfig c = parse("--config", "project/ci.toml").resolve(Map.of());

        assertThat(c.file()).isEqualTo(project.resolve("ci.toml"));
        assertThat(c.schema()).isEqualTo(project.resolve("schema.sql"));
    }

    @Test
    void requireDatabaseSaysTheThreeWaysToGiveOne() {
        assumeThat(System.getenv("DATABASE_URL")).as("DATABASE_URL is set for this run").isNull();

        assertThatThrownBy(() -> parse().requireDatabase())
                .isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("--db").hasMessageContaining("DATABASE_URL").hasMessageContaining("liteshift.toml")
                .hasMessageContaining("looked in " + dir);
    }

    @Test
    void pushTakesTheDatabaseAndTheSchemaFromTheSettings() throws IOException {
        assumeThat(System.getenv("DATABASE_URL")).as("DATABASE_URL is set for this run").isNull();
        Path db = TestDb.exec(Files.createDirectories(dir.resolve("data")).resolve("app.db"),
                "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO note VALUES (1, 'hi');");
        TestDb.writeSchema(Files.createDirectories(dir.resolve("db")).resolve("schema.sql"), SCHEMA);
        settings("schema = \"db/schema.sql\"\ndatabase = \"file:data/app.db\"\n");

        Cli.Result r = Cli.run("push");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema WHERE type = 'index'")).containsExactly("note_by_body");
        assertThat(TestDb.column(db, "SELECT body FROM note")).containsExactly("hi");
    }

    @Test
    void pushFlagsOverrideTheSettings() throws IOException {
        Path configured = TestDb.exec(dir.resolve("configured.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        Path chosen = TestDb.exec(dir.resolve("chosen.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        String configuredBefore = TestDb.dump(configured);
        TestDb.writeSchema(dir.resolve("other.sql"), SCHEMA);
        settings("schema = \"missing.sql\"\ndatabase = \"configured.db\"\n");

        Cli.Result r = Cli.run("push", "--db", "chosen.db", "--schema", "other.sql");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TestDb.column(chosen, "SELECT name FROM sqlite_schema WHERE type = 'index'")).containsExactly("note_by_body");
        assertThat(TestDb.dump(configured)).isEqualTo(configuredBefore);
    }

    @Test
    void pushWithoutASchemaFileSaysHowToGiveOne() {
        TestDb.exec(dir.resolve("app.db"), "CREATE TABLE note (id INTEGER PRIMARY KEY);");

        Cli.Result r = Cli.run("push", "--db", "app.db");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(dir.resolve("schema.sql").toString()).contains("--schema").contains("liteshift init");
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void aBrokenSettingsFileStopsPushWithItsLine() throws IOException {
        settings("[migrate]\ncreate = \"yes\"\n");

        Cli.Result r = Cli.run("push", "--db", "app.db", "--schema", "s.sql");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(dir.resolve("liteshift.toml") + ":2: create must be true or false");
        CliAssertions.assertNoStackTrace(r);
    }
}
