package io.liteshift.report;

import io.liteshift.Fix;
import io.liteshift.LiteShift;
import io.liteshift.config.ProjectConfig;
import io.liteshift.migrate.GenerateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared reports as a front end other than the command line prints them, for a project set up by liteshift.toml. */
class ReportsTest {
    @TempDir
    Path dir;

    /** Lines as a build log would keep them, warnings marked, with the front end's own way to run a command. */
    private final List<String> log = new ArrayList<>();
    private final ReportOutput out = new ReportOutput() {
        public void line(String text) {
            log.add(text);
        }

        public void warning(String text) {
            log.add("WARN " + text);
        }

        public Fix.FrontEnd frontEnd() {
            return Fix.FrontEnd.MAVEN;
        }
    };

    @Test
    void generateMigrateStatusAndVerifyReportWithTheFrontEndsCommands() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n");
        Files.writeString(dir.resolve(ProjectConfig.FILE_NAME), """
                database = "app.db"
                [migrate]
                create = true
                """);
        ProjectConfig settings = ProjectConfig.load(null, dir, Map.of());
        LiteShift liteShift = settings.configure().load();

        GenerateResult generated = liteShift.generate("init");
        Reports.generated(generated, "nothing", out);
        Path file = dir.resolve("migrations/0001_init.sql");
        assertThat(log).containsExactly("wrote " + file, "  create table notes",
                "Next: review the file (edit it if needed, then `mvn liteshift:hash`), commit it, and run `mvn liteshift:migrate`.");

        log.clear();
        Reports.migrated(liteShift.migrate(), settings.database(), out); // the file is created: create = true in the settings
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("applied 0001_init in ");
        assertThat(log.get(1)).startsWith("Database at 0001; 1 applied in ");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
            assertThat(count(c, "SELECT count(*) FROM liteshift_migrations")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'notes'")).isEqualTo(1);
        }

        log.clear();
        Reports.status(liteShift.status(), settings.migrations(), out);
        assertThat(log.get(0)).isEqualTo("database:   " + dir.resolve("app.db"));
        assertThat(log.get(1)).isEqualTo("migrations: " + dir.resolve("migrations"));
        assertThat(log.get(2)).startsWith("  applied  0001_init  ");
        assertThat(log).last().isEqualTo("Up to date at 0001.");

        log.clear();
        Reports.verified(liteShift.verify(), settings.database(), out);
        assertThat(log).containsExactly("Verified " + dir.resolve("app.db") + ": up to date, history intact, schema as migrated,"
                + " integrity_check ok, no broken foreign keys.");

        log.clear();
        Reports.verifiedDirectory(liteShift.verifyDirectory(), settings, out);
        assertThat(log).containsExactly("Verified " + dir.resolve("migrations") + " (no database given): integrity file, snapshots and"
                + " schema.sql agree.");

        log.clear();
        Reports.generated(liteShift.generate(null), settings, out);
        assertThat(log).containsExactly("No changes: " + dir.resolve("schema.sql") + " equals the schema of " + dir.resolve("migrations")
                + ". Nothing was written.");
        try (var files = Files.list(dir.resolve("migrations"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".sql")).count()).as("nothing was written").isEqualTo(1);
        }
    }

    @Test
    void aNewMigrationSaysHowToHashItHere() {
        Path file = LiteShift.configure().migrations(dir.resolve("migrations")).load().newMigration("backfill");

        Reports.created(file, out);

        assertThat(file).isRegularFile();
        assertThat(log).containsExactly("wrote " + file, "Next: write the SQL, then run `mvn liteshift:hash`.");
    }

    /** A build log shows what migrate went ahead with, before the migrations it applied. */
    @Test
    void migrateReportsTheLintWarningsItWentAheadWithAsWarnings() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, legacy TEXT);\n");
        LiteShift liteShift = LiteShift.configure().database(dir.resolve("app.db").toString()).migrations(migrations)
                .createMissing(true).load();
        liteShift.hash();
        liteShift.migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
            c.createStatement().execute("INSERT INTO notes VALUES (1, 'a', 'old'), (2, 'b', 'older'), (3, 'c', NULL)");
        }
        Files.writeString(migrations.resolve("0002_drop_legacy.sql"), "ALTER TABLE notes DROP COLUMN legacy;\n");
        liteShift.hash();

        Reports.migrated(liteShift.migrate(), "app.db", out);

        assertThat(log).hasSize(4);
        assertThat(log.get(0)).isEqualTo("WARN lint: 0002_drop_legacy.sql:1: [drop-column] column notes.legacy is not in the declared"
                + " schema and would be dropped with its 2 values (in 3 rows). Fix: If it was renamed, declare it: end the new column's line"
                + " with -- @renamed from=legacy");
        assertThat(log.get(1)).startsWith("WARN lint: 0002_drop_legacy.sql:1: [rolling-drop] drops column notes.legacy, which the"
                + " application version still running");
        assertThat(log.get(2)).startsWith("applied 0002_drop_legacy in ");
        assertThat(log.get(3)).startsWith("Database at 0002; 1 applied in ");

        log.clear();
        Reports.migrated(liteShift.migrate(), "app.db", out);
        assertThat(log).as("nothing pending: nothing linted, nothing to warn about").containsExactly("Nothing to do: app.db is up to date at 0002.");
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
