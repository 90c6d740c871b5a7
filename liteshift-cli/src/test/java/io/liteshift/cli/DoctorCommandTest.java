package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code liteshift doctor}: exit 0 without errors, 6 with; text and --json. */
class DoctorCommandTest {
    @TempDir
    Path dir;
    Path migrations;
    Path schema;
    Path db;

    @BeforeEach
    void oneMigration() throws Exception {
        migrations = dir.resolve("migrations");
        schema = dir.resolve("schema.sql");
        db = dir.resolve("app.db");
        Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        Cli.Result gen = Cli.run("generate", "--dir", migrations.toString(), "--schema", schema.toString());
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
    }

    private Cli.Result doctor(String... more) {
        List<String> args = new ArrayList<>(List.of("doctor", "--db", db.toString(), "--dir", migrations.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void migratedDatabaseHasNoErrors() {
        Cli.Result m = Cli.run("migrate", "--create", "--db", db.toString(), "--dir", migrations.toString());
        assertThat(m.exitCode()).as(m.toString()).isZero();
        Cli.Result r = doctor();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("database: " + db, "info BUSY_TIMEOUT", "  fix:   Set it on every connection", "0 error(s)");
    }

    @Test
    void emptyDatabaseIsAnErrorWithExitSix() throws Exception {
        TestDb.exec(db, "CREATE TABLE x (a); DROP TABLE x;");
        Cli.Result r = doctor();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.out()).contains("error EMPTY_DATABASE", "  found: opened " + db, "  cause: The application's first query fails with \"no such table\"",
                "  fix:   Check that DATABASE_URL", "1 error(s)");
        assertThat(r.out().indexOf("error EMPTY_DATABASE")).as("errors first").isLessThan(r.out().indexOf("info "));
    }

    @Test
    void json() throws Exception {
        Cli.Result r = doctor("--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        Map<String, Object> m = JsonOut.of("doctor", r);
        assertThat(m).containsEntry("database", db.toString()).containsEntry("ok", false).containsEntry("errors", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) m.get("findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0)).containsEntry("code", "DB_MISSING").containsEntry("severity", "error")
                .containsKeys("found", "cause", "fix");
        assertThat(db).as("doctor never creates the database").doesNotExist();
    }

    @Test
    void withoutADatabaseItSaysHowToGiveOne() {
        Cli.Result r = Cli.run("doctor", "--dir", migrations.toString(), "--config", dir.resolve("none.toml").toString());
        assertThat(r.exitCode()).as(r.toString()).isIn(2);
    }
}
