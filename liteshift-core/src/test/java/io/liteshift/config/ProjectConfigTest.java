package io.liteshift.config;

import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProjectConfigTest {

    @TempDir
    Path dir;

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path config(String text) throws IOException {
        return write(dir.resolve(ProjectConfig.FILE_NAME), text);
    }

    private ProjectConfig load() {
        return ProjectConfig.load(null, dir, Map.of());
    }

    private String error(String text) throws IOException {
        config(text);
        LiteShiftException e = (LiteShiftException) catchThrowable(this::load);
        assertThat(e).as("loading should fail").isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        return e.getMessage();
    }

    @Test
    void withoutAFileTheDefaultsResolveAgainstTheWorkingDirectory() {
        ProjectConfig c = load();

        assertThat(c).isEqualTo(new ProjectConfig(null, dir.resolve("schema.sql"), dir.resolve("migrations"), null,
                dir.resolve("backups"), false, false, Duration.ofMinutes(2)));
    }

    @Test
    void everyKeyIsRead() throws IOException {
        Path file = config("""
                schema = "db/schema"
                migrations = "db/migrations"
                database = "/srv/app.db"
                backups = "/var/backups/app"
                [migrate]
                create = true
                out_of_order = true
                lock_timeout = "90s"
                """);

        assertThat(load()).isEqualTo(new ProjectConfig(file, dir.resolve("db/schema"), dir.resolve("db/migrations"),
                "/srv/app.db", Path.of("/var/backups/app"), true, true, Duration.ofSeconds(90)));
    }

    @Test
    void theStarterFileLoadsAsTheDefaultsAndExplainsEveryKey() throws IOException {
        Path file = config(ProjectConfig.starter());

        assertThat(load()).isEqualTo(ProjectConfig.defaults(file, dir));
        List<String> lines = ProjectConfig.starter().lines().toList();
        for (String key : new String[]{"schema", "migrations", "database", "backups", "create", "out_of_order", "lock_timeout", "baseline_on_migrate"}) {
            int at = IntStream.range(0, lines.size()).filter(i -> lines.get(i).matches("(# )?" + key + " = .*")).findFirst().orElseThrow();
            assertThat(lines.get(at - 1)).as("the comment above " + key).startsWith("# ");
        }
    }

    @Test
    void baselineOnMigrateIsReadUnderMigrateAndReachesTheLibrary() throws IOException {
        config("[migrate]\nbaseline_on_migrate = true\n");
        ProjectConfig c = load();
        assertThat(c.baselineOnMigrate()).isTrue();
        assertThat(c.withDatabase("x.db").withMigrations(dir).baselineOnMigrate()).as("kept by the flag overrides").isTrue();
        config("[migrate]\nbaseline_on_migrate = \"yes\"\n");
        assertThatThrownBy(this::load).hasMessageContaining("baseline_on_migrate must be true or false");
    }

    @Test
    void relativePathsInTheFileResolveAgainstItsDirectoryNotTheWorkingDirectory() throws IOException {
        Path file = write(dir.resolve("project/conf/liteshift.toml"), """
                schema = "../schema.sql"
                migrations = "mig"
                database = "data/app.db"
                """);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        ProjectConfig c = ProjectConfig.load(Path.of("../project/conf/liteshift.toml"), elsewhere, Map.of());

        assertThat(c.file()).isEqualTo(file);
        assertThat(c.schema()).isEqualTo(dir.resolve("project/schema.sql"));
        assertThat(c.migrations()).isEqualTo(dir.resolve("project/conf/mig"));
        assertThat(c.database()).isEqualTo(dir.resolve("project/conf/data/app.db").toString());
        assertThat(c.backups()).isEqualTo(dir.resolve("project/conf/backups"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "file:data/app.db?mode=rwc | file:",
            "sqlite:data/app.db | sqlite:",
            "jdbc:sqlite:data/app.db | jdbc:sqlite:",
            "jdbc:sqlite:file:data/app.db | jdbc:sqlite:file:"})
    void aRelativePathInADatabaseUrlResolvesAgainstTheFilesDirectoryKeepingTheUrlForm(String url, String prefix) throws IOException {
        config("database = \"" + url + "\"\n");

        String database = load().database();

        assertThat(database).startsWith(prefix);
        assertThat(DatabaseUrl.toPath(database)).isEqualTo(dir.resolve("data/app.db"));
        if (url.contains("?")) assertThat(database).endsWith("?mode=rwc");
    }

    @Test
    void absoluteDatabasePathsAndUrlsAreKeptAsWritten() {
        for (String spec : new String[]{"/data/app.db", "file:/data/app.db", "file:///data/app.db", "jdbc:sqlite:/data/app.db", ":memory:"}) {
            assertThat(DatabaseSpec.resolveAgainst(spec, dir)).as(spec).isEqualTo(spec);
        }
    }

    @Test
    void aDirectoryWithPercentSpaceOrQuestionMarkStillNamesTheRightFile() throws IOException {
        Path odd = Files.createDirectories(dir.resolve("a b%41?c+d"));

        String url = DatabaseSpec.resolveAgainst("file:my%20app.db", odd);

        assertThat(DatabaseUrl.toPath(url)).isEqualTo(odd.resolve("my app.db"));
    }

    @ParameterizedTest
    @CsvSource({"'\"90s\"', 90", "'\"2m\"', 120", "'\"1h\"', 3600", "45, 45", "'\"30\"', 30", "0, 0"})
    void lockTimeoutAcceptsSecondsMinutesHoursAndWholeSeconds(String value, long seconds) throws IOException {
        config("[migrate]\nlock_timeout = " + value + "\n");

        assertThat(load().lockTimeout()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void precedenceIsFlagsThenDatabaseUrlThenFileThenDefaults() throws IOException {
        config("database = \"from-file.db\"\n");
        assertThat(load().database()).isEqualTo(dir.resolve("from-file.db").toString());

        ProjectConfig withEnv = ProjectConfig.load(null, dir, Map.of("DATABASE_URL", "file:/env/app.db"));
        assertThat(withEnv.database()).isEqualTo("file:/env/app.db");
        assertThat(ProjectConfig.load(null, dir, Map.of("DATABASE_URL", " ")).database()).isEqualTo(dir.resolve("from-file.db").toString());

        ProjectConfig flags = withEnv.withDatabase("/flag.db").withSchema(Path.of("/s.sql")).withMigrations(Path.of("/m"));
        assertThat(flags.database()).isEqualTo("/flag.db");
        assertThat(flags.schema()).isEqualTo(Path.of("/s.sql"));
        assertThat(flags.migrations()).isEqualTo(Path.of("/m"));
        assertThat(flags.backups()).isEqualTo(dir.resolve("backups"));
        assertThat(withEnv.withDatabase(null).withSchema(null).withMigrations(null)).isEqualTo(withEnv);
    }

    @Test
    void aRelativeDatabaseUrlFromTheEnvironmentResolvesAgainstTheWorkingDirectory() {
        ProjectConfig c = ProjectConfig.load(null, dir, Map.of("DATABASE_URL", "file:app.db"));

        assertThat(DatabaseUrl.toPath(c.database())).isEqualTo(dir.resolve("app.db"));
    }

    @Test
    void aSyntaxErrorNamesTheFileTheLineAndTheFix() throws IOException {
        String message = error("schema = \"schema.sql\"\n\nmigrations = migrations\n");

        assertThat(message).startsWith(dir.resolve("liteshift.toml") + ":3: ").contains("not valid TOML").contains("double quotes");
    }

    @Test
    void anUnknownKeyNamesTheKeyTheFileAndTheKnownKeys() throws IOException {
        String message = error("schema = \"s.sql\"\nscheme = \"other.sql\"\n");

        assertThat(message).startsWith(dir.resolve("liteshift.toml") + ":2: ").contains("unknown key \"scheme\"")
                .contains("Did you mean \"schema\"?").contains("schema, migrations, database, backups").contains("lock_timeout");
    }

    @Test
    void aSchemaClassAndItsClasspathReplaceTheSchemaFileAndResolveAgainstTheFile() throws IOException {
        config("schema_class = \"com.example.db.AppSchema\"\nclasspath = [\"target/classes\", \"lib/extra.jar\"]\n");

        ProjectConfig c = load();

        assertThat(c.schemaClass()).isEqualTo("com.example.db.AppSchema");
        assertThat(c.classpath()).containsExactly(dir.resolve("target/classes"), dir.resolve("lib/extra.jar"));
        assertThat(c.schemaLabel()).isEqualTo("the schema class com.example.db.AppSchema");
        assertThat(c.withSchema(dir.resolve("s.sql")).schemaClass()).as("a --schema flag replaces the class").isNull();
        config("classpath = \"target/classes\"\n");
        assertThat(load().classpath()).containsExactly(dir.resolve("target/classes"));
    }

    @Test
    void schemaAndSchemaClassTogetherOrABadClasspathAreErrorsNamingTheLine() throws IOException {
        assertThat(error("schema = \"schema.sql\"\nschema_class = \"a.B\"\n")).startsWith(dir.resolve("liteshift.toml") + ":2: ")
                .contains("both schema and schema_class are set").contains("Remove one of the two lines");
        assertThat(error("schema_class = \" \"\n")).contains("schema_class must not be empty");
        assertThat(error("classpath = [1]\n")).startsWith(dir.resolve("liteshift.toml") + ":1: ")
                .contains("classpath must be a list of directories and jars in double quotes");
    }

    @Test
    void anUnknownKeyUnderMigrateIsNamedWithItsTable() throws IOException {
        String message = error("[migrate]\ncreate = true\nlock-timeout = \"1m\"\n");

        assertThat(message).startsWith(dir.resolve("liteshift.toml") + ":3: ").contains("unknown key \"lock-timeout\" under [migrate]")
                .contains("Did you mean \"lock_timeout\"?");
    }

    @Test
    void aMigrateKeyAtTheTopSaysWhereItBelongs() throws IOException {
        assertThat(error("create = true\n")).contains("unknown key \"create\"").contains("belongs under [migrate]");
        assertThat(error("[migrate]\nschema = \"s.sql\"\n")).contains("belongs at the top of the file");
    }

    @Test
    void aWrongTypeNamesTheKeyTheFileAndTheExpectedType() throws IOException {
        assertThat(error("schema = \"s.sql\"\n[migrate]\ncreate = \"yes\"\n"))
                .startsWith(dir.resolve("liteshift.toml") + ":3: ").contains("create must be true or false").contains("\"yes\" (text)");
        assertThat(error("schema = 1\n")).startsWith(dir.resolve("liteshift.toml") + ":1: ").contains("schema must be text in double quotes, not 1 (a number)");
        assertThat(error("migrate.out_of_order = 1\n")).contains("out_of_order must be true or false");
        assertThat(error("migrate = \"x\"\n")).contains("migrate must be a table");
        assertThat(error("[migrate]\nlock_timeout = \"soon\"\n")).contains("lock_timeout must be a duration").contains("\"soon\"");
        assertThat(error("[migrate]\nlock_timeout = 1.5\n")).contains("lock_timeout must be a duration").contains("1.5");
        assertThat(error("[migrate]\nlock_timeout = -5\n")).contains("lock_timeout must not be negative");
        assertThat(error("backups = \"\"\n")).contains("backups must not be empty");
    }

    @Test
    void anExplicitConfigFileThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> ProjectConfig.load(Path.of("conf/missing.toml"), dir, Map.of()))
                .isInstanceOf(LiteShiftException.class)
                .hasMessageContaining(dir.resolve("conf/missing.toml").toString()).hasMessageContaining("does not exist")
                .extracting(e -> ((LiteShiftException) e).reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
    }

    @Test
    void anExplicitConfigFileIsReadEvenWhenTheWorkingDirectoryHasOne() throws IOException {
        config("schema = \"here.sql\"\n");
        Path other = write(dir.resolve("other/ci.toml"), "schema = \"there.sql\"\n");

        assertThat(ProjectConfig.load(other, dir, Map.of()).schema()).isEqualTo(dir.resolve("other/there.sql"));
        assertThat(load().schema()).isEqualTo(dir.resolve("here.sql"));
    }
}
