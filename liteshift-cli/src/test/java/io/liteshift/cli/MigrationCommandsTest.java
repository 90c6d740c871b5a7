package io.liteshift.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The versioned-migration loop through the command line: generate, migrate, status, verify, new, hash, repair, revert. */
class MigrationCommandsTest {
    @TempDir
    Path dir;
    Path schema;
    Path migrations;
    String db;

    @BeforeEach
    void project() throws Exception {
        schema = dir.resolve("schema.sql");
        migrations = dir.resolve("migrations");
        db = dir.resolve("app.db").toString();
        Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
    }

    private Cli.Result run(String... args) {
        return Cli.run(Cli.plus(args, "--dir", migrations.toString(), "--schema", schema.toString()));
    }

    private Cli.Result runDb(String... args) {
        return run(Cli.plus(args, "--db", db));
    }

    @Test
    void theWholeLoop() throws Exception {
        Cli.Result gen = run("generate", "--name", "init");
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        assertThat(gen.out()).contains("0001_init.sql", "create table notes");
        assertThat(runDb("migrate").exitCode()).as("the database does not exist yet").isEqualTo(2);
        Cli.Result mig = runDb("migrate", "--create");
        assertThat(mig.exitCode()).as(mig.toString()).isZero();
        assertThat(mig.out()).contains("applied 0001_init");
        assertThat(mig.err()).isEmpty();

        Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '', pinned INTEGER);\n");
        assertThat(runDb("status").exitCode()).isZero();
        Cli.Result gen2 = run("generate");
        assertThat(gen2.out()).contains("0002_", "Needs attention", "becomes NOT NULL");
        Cli.Result pending = runDb("status");
        assertThat(pending.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(pending.out()).contains("applied  0001_init", "pending  0002_");
        assertThat(runDb("verify").exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(runDb("verify").out()).contains("pending: ");
        assertThat(runDb("migrate").exitCode()).isZero();
        Cli.Result ok = runDb("verify");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("Verified");

        Cli.Result none = run("generate");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("No changes");
        try (var files = Files.list(migrations)) {
            assertThat(files.filter(f -> f.toString().endsWith(".sql")).count()).isEqualTo(2);
        }
    }

    @Test
    void statusJsonIsMachineReadable() throws Exception {
        run("generate");
        runDb("migrate", "--create");
        Cli.Result r = runDb("status", "--json");
        assertThat(r.exitCode()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(r.out());
        assertThat(json).containsEntry("ok", true).containsEntry("version", 1);
        assertThat((List<?>) json.get("applied")).hasSize(1);
        assertThat((List<?>) json.get("pending")).isEmpty();
    }

    @Test
    void statusJsonListsThePendingMigrationsWithTheirKeysInAStableOrder() throws Exception {
        run("generate", "--name", "init");
        runDb("migrate", "--create");
        Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        run("generate", "--name", "pinned");
        Cli.Result r = runDb("status", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        Map<String, Object> json = JSON.std.mapFrom(r.out());
        assertThat((List<Object>) json.get("pending")).containsExactly(Map.<String, Object>of("version", 2, "file", "0002_pinned.sql"));
        // a script diffing two runs' output must see no change: "version" is always written before "file"
        assertThat(r.out()).containsPattern("\\{\\s*\"version\" : 2,\\s*\"file\" : \"0002_pinned.sql\"\\s*}");
        assertThat(query("SELECT count(*) FROM liteshift_migrations")).isEqualTo(1);
    }

    @Test
    void anEditedAppliedMigrationIsRefusedWithExitFiveUntilHashAndRepair() throws Exception {
        run("generate", "--name", "init");
        runDb("migrate", "--create");
        Path file = migrations.resolve("0001_init.sql");
        Files.writeString(file, Files.readString(file) + "-- reviewed: a comment only\n");
        Cli.Result refused = runDb("migrate");
        assertThat(refused.exitCode()).isEqualTo(Main.REFUSED_HISTORY);
        assertThat(refused.err()).contains("0001_init.sql was changed after liteshift.sum was written", "liteshift hash", "Nothing was changed");
        Cli.Result verify = runDb("verify", "--json");
        assertThat(verify.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(verify.out()).contains("\"integrity\"");
        assertThat(verify.out()).containsPattern("\\{\\s*\"kind\" : \"integrity\",\\s*\"message\" : ");
        assertThat(run("hash").exitCode()).isZero();
        assertThat(runDb("migrate").err()).contains("has been edited since");
        Cli.Result repair = runDb("repair");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("accepted the edited 0001_init.sql");
        assertThat(runDb("verify").exitCode()).isZero();
    }

    @Test
    void handWrittenMigrationsWithNewAndHash() throws Exception {
        run("generate", "--name", "init");
        Cli.Result created = run("new", "--name", "Seed the first notes!");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Path file = migrations.resolve("0002_seed_the_first_notes.sql");
        assertThat(file).exists();
        Files.writeString(file, Files.readString(file) + "INSERT INTO notes (body) VALUES ('hello'), ('world');\n");
        assertThat(runDb("migrate", "--create").exitCode()).as("unhashed edit").isEqualTo(Main.REFUSED_HISTORY);
        assertThat(Path.of(db)).as("the refused migrate leaves no empty database behind").doesNotExist();
        assertThat(run("hash").out()).contains("liteshift.sum", "0002.schema.sql");
        assertThat(runDb("migrate", "--create").exitCode()).isZero();
        assertThat(query("SELECT count(*) FROM notes")).isEqualTo(2);
        assertThat(runDb("verify").exitCode()).isZero();
    }

    @Test
    void revertWritesAMigrationBack() throws Exception {
        run("generate", "--name", "init");
        Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\nCREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        run("generate", "--name", "tags");
        runDb("migrate", "--create");
        Cli.Result r = run("revert", "--to", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0003_revert_to_0001.sql", "drop table tags");
        assertThat(runDb("migrate").exitCode()).isZero();
        assertThat(query("SELECT count(*) FROM sqlite_schema WHERE name = 'tags'")).isZero();
    }

    @Test
    void baselineAdoptsAnExistingDatabase() throws Exception {
        run("generate", "--name", "init");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        }
        Cli.Result r = runDb("baseline", "--version", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(runDb("verify").exitCode()).isZero();
    }

    @Test
    void verifyWithoutADatabaseChecksTheRepositoryForCi() throws Exception {
        run("generate", "--name", "init");
        Cli.Result clean = run("verify");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("no database given");

        Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        Cli.Result forgotten = run("verify");
        assertThat(forgotten.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(forgotten.out()).contains("has changes that no migration makes", "add column pinned", "liteshift generate");

        run("generate");
        Path snapshot = migrations.resolve("meta/0002.schema.sql");
        Files.writeString(snapshot, Files.readString(snapshot).replace("pinned INTEGER", "pinned TEXT"));
        Cli.Result tampered = run("verify", "--json");
        assertThat(tampered.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(tampered.out()).contains("0002.schema.sql is not the schema 0002_");
    }

    @Test
    void aBadLockTimeoutIsAUsageError() {
        Cli.Result r = runDb("migrate", "--lock-timeout", "soon");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("\"soon\" is not a duration");
    }

    private long query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
