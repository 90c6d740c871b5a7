package io.liteshift.cli;

import io.liteshift.config.ProjectConfig;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** init runs in a temporary directory made current through user.dir, which is where the CLI looks. */
class InitCommandTest extends InTemporaryWorkingDirectory {


    @Test
    void initWritesTheStarterSettingsAnExampleSchemaAndAnEmptyMigrationsDirectory() throws IOException {
        Cli.Result r = Cli.run("init");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("liteshift.toml"))).isEqualTo(ProjectConfig.starter());
        assertThat(Files.readString(dir.resolve("schema.sql"))).contains("REFERENCES users(id)").contains("CREATE INDEX").contains("-- ");
        try (Stream<Path> migrations = Files.list(dir.resolve("migrations"))) {
            assertThat(migrations).containsExactly(dir.resolve("migrations/.gitkeep"));
        }
        assertThat(dir.resolve("migrations/.gitkeep")).isEmptyFile();
        assertThat(r.out()).contains("liteshift.toml").contains("schema.sql").contains("migrations/.gitkeep")
                .contains("liteshift generate").contains("liteshift migrate");
        ProjectConfig loaded = ProjectConfig.load(null, dir, Map.of());
        assertThat(loaded).isEqualTo(new ProjectConfig(dir.resolve("liteshift.toml"), dir.resolve("schema.sql"),
                dir.resolve("migrations"), null, dir.resolve("backups"), false, false, Duration.ofMinutes(2)));
    }

    @Test
    void theExampleSchemaPushesIntoANewDatabaseWithoutNamingTheSchema() {
        Cli.run("init");
        Path db = dir.resolve("app.db");

        Cli.Result r = Cli.run("push", "--db", "app.db", "--create");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema ORDER BY name")).contains("posts", "posts_by_user", "users");
        assertThat(TestDb.column(db, "SELECT \"table\" FROM pragma_foreign_key_list('posts')")).containsExactly("users");
        Cli.Result again = Cli.run("push", "--db", "app.db");
        assertThat(again.out()).contains("Nothing to do: the database already matches schema.sql.");
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndNothingIsWritten() throws IOException {
        Path schema = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE mine (id INTEGER PRIMARY KEY);\n");

        Cli.Result r = Cli.run("init");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("schema.sql already exists in " + dir).contains("nothing was written");
        CliAssertions.assertNoStackTrace(r);
        assertThat(Files.readString(schema)).isEqualTo("CREATE TABLE mine (id INTEGER PRIMARY KEY);\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(schema);
        }
    }

    @Test
    void aFileWhereTheMigrationsDirectoryShouldBeIsRefusedToo() throws IOException {
        Files.writeString(dir.resolve("migrations"), "");

        Cli.Result r = Cli.run("init");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("migrations already exists in " + dir);
        assertThat(dir.resolve("liteshift.toml")).doesNotExist();
    }

    @Test
    void pathAndDirChooseWhereTheProjectAndItsMigrationsGo() {
        Cli.Result r = Cli.run("init", "--path", "services/api", "--dir", "db/migrations");

        Path project = dir.resolve("services/api");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(project.resolve("db/migrations/.gitkeep")).exists();
        assertThat(project.resolve("schema.sql")).exists();
        assertThat(dir.resolve("liteshift.toml")).doesNotExist();
        assertThat(ProjectConfig.load(null, project, Map.of()).migrations()).isEqualTo(project.resolve("db/migrations"));
    }

    @Test
    void helpListsInit() {
        assertThat(Cli.run("--help").out()).contains("init");
        assertThat(Cli.run("init", "--help").out()).contains("--path").contains("--dir");
    }
}
