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
 * {@code --json} of the versioned-migration commands, read as a script reads it and checked against the files and
 * the database: versions, journal rows, the migration written. Errors come as JSON on standard output too.
 */
@SuppressWarnings("unchecked")
class JsonMigrationCommandsTest extends InTemporaryWorkingDirectory {
    private Path db;

    @BeforeEach
    void project() throws Exception {
        db = dir.resolve("app.db");
        Files.writeString(dir.resolve("liteshift.toml"), "database = \"app.db\"\n[migrate]\ncreate = true\n");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
    }

    @Test
    void generateMigrateStatusAndVerify() throws Exception {
        Cli.Result generated = Cli.run("generate", "--name", "notes", "--json");
        Map<String, Object> g = JsonOut.of("generate", generated);
        Path file = dir.resolve("migrations/0001_notes.sql");
        assertThat(g).containsEntry("written", true).containsEntry("file", file.toString()).containsEntry("rebuilt", List.of());
        assertThat(g.get("sql")).isEqualTo(Files.readString(file));
        assertThat(list(g, "steps")).extracting(s -> s.get("sql")).singleElement().asString().contains("CREATE TABLE notes");
        assertThat(JsonOut.of("generate", Cli.run("generate", "--json"))).as("nothing changed").containsEntry("written", false)
                .containsEntry("file", null).containsEntry("sql", null);

        Map<String, Object> m = JsonOut.of("migrate", Cli.run("migrate", "--json"));
        assertThat(m).containsEntry("database", db.toString()).containsEntry("version", 1).containsEntry("upToDate", false)
                .containsEntry("backup", null).containsEntry("replicaOf", null);
        assertThat(list(m, "applied")).singleElement().satisfies(a -> assertThat(a).containsEntry("version", 1).containsEntry("name", "notes")
                .containsEntry("checksum", TestDb.column(db, "SELECT checksum FROM liteshift_migrations").get(0)));
        assertThat(JsonOut.of("migrate", Cli.run("migrate", "--json"))).containsEntry("upToDate", true).containsEntry("applied", List.of());
        assertThat(JsonOut.of("verify", Cli.run("verify", "--json"))).containsEntry("version", 1).containsEntry("problems", List.of());

        TestDb.exec(db, "INSERT INTO notes (body) VALUES ('a'), (NULL)");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '');\n");
        Map<String, Object> second = JsonOut.of("generate", Cli.run("generate", "--name", "required", "--json"));
        assertThat(second).containsEntry("rebuilt", List.of("notes"));
        assertThat(dir.resolve("migrations/meta/0002.schema.sql")).exists();

        Cli.Result status = Cli.run("status", "--json");
        assertThat(status.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        Map<String, Object> s = JsonOut.of("status", status);
        assertThat(s).containsEntry("version", 1);
        assertThat(list(s, "pending")).containsExactly(Map.of("version", 2, "file", "0002_required.sql"));

        Cli.Result verify = Cli.run("verify", "--json");
        assertThat(verify.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(list(JsonOut.of("verify", verify), "problems")).extracting(p -> (String) p.get("message"))
                .anyMatch(message -> message.contains("0002_required.sql"));
    }

    @Test
    void initWritesTheProjectItNames() throws Exception {
        Map<String, Object> m = JsonOut.of("init", Cli.run("init", "--path", "fresh", "--json"));
        Path fresh = dir.resolve("fresh");
        assertThat(m).containsEntry("directory", fresh.toString());
        assertThat((List<String>) m.get("written")).containsExactly(fresh.resolve("liteshift.toml").toString(),
                fresh.resolve("schema.sql").toString(), fresh.resolve("migrations/.gitkeep").toString());
        for (Object file : (List<?>) m.get("written")) assertThat(Path.of((String) file)).exists();
        Cli.Result again = Cli.run("init", "--path", "fresh", "--json");
        assertThat(JsonOut.error("init", again)).containsEntry("reason", "invalid_input");
        assertThat((String) JsonOut.error("init", again).get("message")).contains("init never overwrites a file");
    }

    @Test
    void hashNewRepairBaselineAndRevert() throws Exception {
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        Map<String, Object> n = JsonOut.of("new", Cli.run("new", "--name", "backfill", "--json"));
        Path added = dir.resolve("migrations/0002_backfill.sql");
        assertThat(n).containsEntry("file", added.toString());
        assertThat(added).exists();
        Files.writeString(added, "INSERT INTO notes (body) VALUES ('seeded by a migration');\n");
        Map<String, Object> h = JsonOut.of("hash", Cli.run("hash", "--json"));
        assertThat(h).containsEntry("directory", dir.resolve("migrations").toString());
        assertThat((List<?>) h.get("written")).isNotEmpty();
        assertThat(Cli.run("migrate").exitCode()).isZero();

        Path first = dir.resolve("migrations/0001_notes.sql");
        Files.writeString(first, Files.readString(first) + "-- reviewed: a comment\n");
        assertThat(Cli.run("hash").exitCode()).isZero();
        Map<String, Object> repaired = JsonOut.of("repair", Cli.run("repair", "--json"));
        assertThat(list(repaired, "accepted")).singleElement().satisfies(a -> assertThat(a).containsEntry("version", 1)
                .containsEntry("file", "0001_notes.sql")
                .containsEntry("checksum", TestDb.column(db, "SELECT checksum FROM liteshift_migrations WHERE version = 1").get(0)));

        // a database made without liteshift, with the schema of 0001: baselined there
        Path old = TestDb.exec(dir.resolve("old.db"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        Map<String, Object> b = JsonOut.of("baseline", Cli.run("baseline", "--version", "1", "--db", "old.db", "--json"));
        assertThat(b).containsEntry("version", 1);
        assertThat(list(b, "recorded")).extracting(r -> r.get("version")).containsExactly(1);
        assertThat(TestDb.column(old, "SELECT version || ' ' || kind FROM liteshift_migrations")).containsExactly("1 baseline");

        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();
        Map<String, Object> reverted = JsonOut.of("revert", Cli.run("revert", "--to", "2", "--json"));
        assertThat(reverted).containsEntry("written", true).containsEntry("file", dir.resolve("migrations/0004_revert_to_0002.sql").toString());
        assertThat((String) reverted.get("sql")).contains("pinned");
    }

    /** The review page's verdict and findings, as a CI step would read them beside the page it uploads. */
    @Test
    void reviewSaysTheVerdictAndTheFindingsOfThePage() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, legacy TEXT);\n");
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        assertThat(Cli.run("migrate").exitCode()).isZero();
        TestDb.exec(db, "INSERT INTO notes (body, legacy) VALUES ('a', 'x'), ('b', 'y'), ('c', NULL)");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        assertThat(Cli.run("generate", "--name", "drop_legacy").exitCode()).isZero();

        Map<String, Object> r = JsonOut.of("review", Cli.run("review", "--out", "review.html", "--json"));
        assertThat(r).containsEntry("file", dir.resolve("review.html").toString());
        assertThat(dir.resolve("review.html")).isNotEmptyFile();
        assertThat(map(r, "verdict")).containsEntry("level", "destructive");
        assertThat(list(r, "migrations")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("file", "0002_drop_legacy.sql");
            long values = TestDb.queryLong(db, "SELECT count(legacy) FROM notes");
            assertThat(list(m, "findings")).anySatisfy(f -> assertThat(f).containsEntry("code", "drop-column").containsEntry("destroys", true)
                    .extracting(x -> (String) x.get("message")).asString().contains(values + " values"));
        });
    }

    /** A refusal is JSON on standard output, with the message, its reason, what to run and the exit code. */
    @Test
    void refusalsAndUsageErrorsAreJsonToo() throws Exception {
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        assertThat(Cli.run("migrate").exitCode()).isZero();
        Path first = dir.resolve("migrations/0001_notes.sql");
        Files.writeString(first, Files.readString(first) + "-- edited\n");
        Cli.Result refused = Cli.run("migrate", "--json");
        assertThat(refused.exitCode()).isEqualTo(Main.REFUSED_HISTORY);
        Map<String, Object> e = JsonOut.error("migrate", refused);
        assertThat(e).containsEntry("reason", "refused_history").containsEntry("fix", List.of("liteshift hash", "liteshift repair"));
        assertThat((String) e.get("message")).contains("0001_notes.sql was changed after liteshift.sum was written");
        assertThat(refused.err()).as("the person reading the log still sees it").contains("0001_notes.sql was changed");

        Cli.Result usage = Cli.run("status", "--json", "--no-such-flag");
        assertThat(usage.exitCode()).isEqualTo(Main.USAGE);
        assertThat(JsonOut.error("status", usage)).containsEntry("reason", "usage").containsEntry("fix", List.of("--help"));

        Files.delete(dir.resolve("liteshift.toml"));
        Cli.Result noDb = Cli.run("status", "--json");
        assertThat(JsonOut.error("status", noDb)).containsEntry("reason", "invalid_input").containsEntry("exitCode", Main.USAGE);
        assertThat(TestDb.column(db, "SELECT version FROM liteshift_migrations")).as("nothing applied").containsExactly("1");
    }

    /** Under --each, each database's result or failure, with the same error object. */
    @Test
    void eachDatabaseMigratedOrFailedAsJson() throws Exception {
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        Files.createDirectories(dir.resolve("tenants"));
        for (String t : List.of("a", "b")) {
            assertThat(Cli.run("migrate", "--db", "tenants/" + t + ".db").exitCode()).isZero();
            TestDb.exec(dir.resolve("tenants/" + t + ".db"), "INSERT INTO notes (body) VALUES ('" + t + "')");
        }
        Files.writeString(dir.resolve("tenants/c.db"), "not a database, only its name\n");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();

        Cli.Result r = Cli.run("migrate", "--each", "tenants/*.db", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        List<Map<String, Object>> dbs = list(JsonOut.of("migrate", r), "databases");
        assertThat(dbs).extracting(d -> d.get("database")).containsExactly("tenants/a.db", "tenants/b.db", "tenants/c.db");
        for (Map<String, Object> d : dbs.subList(0, 2)) {
            Path file = Path.of((String) d.get("file"));
            assertThat(d).containsEntry("ok", true).containsEntry("exitCode", 0)
                    .containsEntry("version", (int) TestDb.queryLong(file, "SELECT max(version) FROM liteshift_migrations"));
            assertThat(list(d, "applied")).extracting(a -> a.get("version")).containsExactly(2);
        }
        assertThat(dbs.get(2)).containsEntry("ok", false).containsEntry("exitCode", Main.NOT_UP_TO_DATE);
        assertThat(map(dbs.get(2), "error")).containsEntry("reason", "damaged").containsEntry("exitCode", Main.NOT_UP_TO_DATE);
    }
}
