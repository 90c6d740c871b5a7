package io.liteshift.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `lint` through the command line, and `migrate` refusing what lint calls an error unless --force. */
class LintCommandTest {
    @TempDir
    Path dir;
    Path migrations;
    String db;

    @BeforeEach
    void project() throws Exception {
        migrations = dir.resolve("migrations");
        db = dir.resolve("app.db").toString();
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("0001_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n");
        assertThat(run("hash").exitCode()).isZero();
        assertThat(runDb("migrate", "--create").exitCode()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                    + " INSERT INTO users SELECT i, CASE WHEN i % 27 = 0 THEN NULL ELSE 'u' || i END FROM n");
        }
        Files.writeString(migrations.resolve("0002_email_required.sql"), "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
        assertThat(run("hash").exitCode()).isZero();
    }

    private Cli.Result run(String... args) {
        return Cli.run(Cli.plus(args, "--dir", migrations.toString()));
    }

    private Cli.Result runDb(String... args) {
        return run(Cli.plus(args, "--db", db));
    }

    private long version() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version) FROM liteshift_migrations")) {
            return rs.getLong(1);
        }
    }

    @Test
    void lintExitsSixOnErrorsWithTheRealCounts() {
        Cli.Result r = runDb("lint");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(r.out()).contains("0002_email_required.sql:1: error [not-null]", "37 of 1,000 rows are NULL", "id 27, 54, 81",
                "1 migration(s) linted against", "1 error(s)");

        Cli.Result noDb = run("lint");
        assertThat(noDb.exitCode()).as(noDb.toString()).isZero();
        assertThat(noDb.out()).contains("warning [not-null]", "MAY fail", "2 migration(s) linted without a database");
        assertThat(run("lint", "--from", "3").out()).contains("0 migration(s) linted");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOutput() throws Exception {
        Cli.Result r = runDb("lint", "--json");
        assertThat(r.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        Map<String, Object> m = JsonOut.of("lint", r);
        assertThat(m).containsEntry("ok", false).containsEntry("suppressed", 0);
        assertThat((List<Object>) m.get("linted")).containsExactly("0002_email_required.sql");
        List<Map<String, Object>> issues = (List<Map<String, Object>>) m.get("issues");
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("code", "not-null").containsEntry("severity", "error").containsEntry("line", 1)
                    .containsEntry("file", "0002_email_required.sql").containsEntry("subject", "users.email");
            assertThat((String) i.get("fix")).contains("DEFAULT");
        });
    }

    /**
     * GitHub's annotations and SARIF name the file as the repository does: relative to the current directory (the
     * checkout's root in CI), at the finding's line, with its code.
     */
    @Test
    @SuppressWarnings("unchecked")
    void githubAndSarifPlaceTheFindingOnItsLine() throws Exception {
        String previous = System.setProperty("user.dir", dir.toString());
        try {
            Cli.Result github = runDb("lint", "--format", "github");
            assertThat(github.exitCode()).as(github.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
            assertThat(github.out().lines().filter(l -> l.startsWith("::")).toList()).singleElement().asString()
                    .startsWith("::error file=migrations/0002_email_required.sql,line=1,title=not-null::users.email becomes NOT NULL: "
                            + TestDb.queryLong(Path.of(db), "SELECT count(*) FROM users WHERE email IS NULL") + " of 1,000 rows are NULL")
                    .contains("%0AFix: ");

            Cli.Result sarif = runDb("lint", "--format", "sarif", "--output", "lint.sarif");
            assertThat(sarif.exitCode()).as(sarif.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
            assertThat(sarif.out()).contains("Wrote lint.sarif (sarif): 1 finding(s), 1 error(s).");
            Map<String, Object> log = JSON.std.mapFrom(Files.readString(dir.resolve("lint.sarif")));
            assertThat(log).containsEntry("version", "2.1.0");
            Map<String, Object> run = ((List<Map<String, Object>>) log.get("runs")).get(0);
            Map<String, Object> result = ((List<Map<String, Object>>) run.get("results")).get(0);
            assertThat(result).containsEntry("ruleId", "not-null").containsEntry("level", "error");
            // the count in the message is the database's: 1 in 27 of the 1,000 rows is NULL
            assertThat(((Map<String, Object>) result.get("message")).get("text").toString())
                    .contains(TestDb.queryLong(Path.of(db), "SELECT count(*) FROM users WHERE email IS NULL") + " of 1,000 rows are NULL");
            assertThat(result.get("locations").toString()).contains("uri=migrations/0002_email_required.sql", "uriBaseId=%SRCROOT%", "startLine=1");
        } finally {
            System.setProperty("user.dir", previous);
        }
        assertThat(run("lint", "--format", "junit").err()).contains("unknown lint format 'junit' given by --format. Use one of: text, github, sarif.");
        assertThat(run("lint", "--format", "sarif", "--json").exitCode()).isEqualTo(Main.USAGE);
    }

    @Test
    void migrateRefusesLintErrorsUnlessForced() throws Exception {
        Cli.Result refused = runDb("migrate");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(Main.REFUSED_DATA);
        assertThat(refused.err()).contains("lint found 1 error(s)", "[not-null]", "--force");
        assertThat(version()).isEqualTo(1);

        // forced: lint is skipped and SQLite itself rejects the step, rolling it back
        Cli.Result forced = runDb("migrate", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(Main.FAILED);
        assertThat(forced.err()).contains("SQLite rejected this statement").doesNotContain("lint found");
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void aSuppressedFindingLetsMigrateRun() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE users SET email = 'none' WHERE email IS NULL");
        }
        Files.writeString(migrations.resolve("0003_wipe.sql"), "-- liteshift:lint-ignore update-without-where\nUPDATE users SET email = lower(email);\n");
        assertThat(run("hash").exitCode()).isZero();
        Cli.Result lint = runDb("lint");
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        assertThat(lint.out()).contains("1 suppressed").doesNotContain("update-without-where");
        Cli.Result m = runDb("migrate");
        assertThat(m.exitCode()).as(m.toString()).isZero();
        assertThat(version()).isEqualTo(3);
    }
}
