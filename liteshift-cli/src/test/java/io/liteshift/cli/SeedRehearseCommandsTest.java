package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `seed` and `rehearse` through the command line, on real files. */
class SeedRehearseCommandsTest {
    @TempDir
    Path dir;
    Path migrations;
    Path seeds;
    Path db;

    @BeforeEach
    void migratedProject() throws Exception {
        migrations = Files.createDirectory(dir.resolve("migrations"));
        seeds = Files.createDirectory(dir.resolve("seeds"));
        db = dir.resolve("app.db");
        Files.writeString(migrations.resolve("0001_init.sql"), """
                CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE cities (id INTEGER PRIMARY KEY, country TEXT NOT NULL REFERENCES countries(code), name TEXT);
                """);
        assertThat(run("hash").exitCode()).isZero();
        assertThat(run("migrate", "--create").exitCode()).isZero();
    }

    private Cli.Result run(String... args) {
        return Cli.run(Cli.plus(args, "--dir", migrations.toString(), "--db", db.toString()));
    }

    @Test
    void seedRunsTheSeedsBesideTheMigrationsOnceAndNamesAFailure() throws Exception {
        Files.writeString(seeds.resolve("01_countries.sql"), "INSERT INTO countries VALUES ('fr', 'France');\n");
        Files.writeString(seeds.resolve("R__cities.sql"), "DELETE FROM cities;\nINSERT INTO cities (country, name) VALUES ('fr', 'Paris');\n");
        Cli.Result first = run("seed");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("seeded 01_countries.sql (once)", "seeded R__cities.sql (repeatable)", "2 applied");
        Cli.Result again = run("seed");
        assertThat(again.out()).as(again.toString()).contains("Nothing to do");
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM cities")).isEqualTo(1);

        Files.writeString(seeds.resolve("01_countries.sql"), "INSERT INTO countries VALUES ('fr', 'France'), ('de', 'Germany');\n");
        Cli.Result warned = run("seed");
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.err()).contains("warning:", "01_countries.sql changed since it ran");

        Files.writeString(seeds.resolve("02_bad.sql"), "INSERT INTO countries VALUES ('de', 'Germany');\nINSERT INTO nowhere VALUES (1);\n");
        Cli.Result failed = run("seed");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(Main.FAILED);
        assertThat(failed.err()).contains("02_bad.sql:2", "no such table: nowhere", "rolled back");
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM countries")).isEqualTo(1);

        Files.writeString(seeds.resolve("02_bad.sql"), "INSERT INTO cities (country, name) VALUES ('xx', 'Nowhere');\n");
        assertThat(run("seed").exitCode()).as("a seed that orphans rows").isEqualTo(Main.REFUSED_DATA);
    }

    @Test
    void seedWaitsForPendingMigrationsAndTakesAnotherDirectory() throws Exception {
        Files.writeString(migrations.resolve("0002_more.sql"), "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);\n");
        assertThat(run("hash").exitCode()).isZero();
        Cli.Result pending = run("seed");
        assertThat(pending.exitCode()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(pending.err()).contains("0002_more.sql", "liteshift migrate");
        assertThat(run("migrate").exitCode()).isZero();

        Path other = Files.createDirectory(dir.resolve("demo-data"));
        Files.writeString(other.resolve("settings.sql"), "INSERT INTO settings VALUES ('demo', 'yes');\n");
        assertThat(run("seed", "--seeds", other.toString()).exitCode()).isZero();
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM settings")).isEqualTo(1);
        assertThat(run("seed", "--seeds", dir.resolve("missing").toString()).exitCode()).isEqualTo(Main.USAGE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void rehearseReportsEachMigrationAndNeverWritesTheOriginal() throws Exception {
        TestDb.exec(db, "INSERT INTO countries VALUES ('fr', 'France'), ('de', 'Germany');\nINSERT INTO cities (country, name) VALUES ('fr', 'Paris');\n");
        Files.writeString(migrations.resolve("0002_upper.sql"), "UPDATE countries SET name = upper(name);\n");
        assertThat(run("hash").exitCode()).isZero();
        FileTime mtime = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(db, mtime);
        byte[] before = Files.readAllBytes(db);

        Cli.Result ok = run("rehearse");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("applied 0002_upper", "2 row(s) changed", "Rehearsal passed", "was not changed");

        Cli.Result json = run("rehearse", "--json");
        Map<String, Object> j = JsonOut.of("rehearse", json);
        assertThat(j).containsEntry("ok", true).containsEntry("exitCode", 0);
        assertThat((List<?>) j.get("migrations")).singleElement()
                .satisfies(m -> assertThat((Map<String, Object>) m).containsEntry("version", "0002").containsEntry("rowsChanged", 2));

        // a migration that the rows refuse: exit 4, from the copy
        Files.writeString(migrations.resolve("0003_orphan.sql"), "DELETE FROM countries WHERE code = 'fr';\n");
        assertThat(run("hash").exitCode()).isZero();
        Cli.Result refused = run("rehearse", "--json");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(Main.REFUSED_DATA);
        Map<String, Object> f = JsonOut.of("rehearse", refused);
        assertThat((Map<String, Object>) f.get("failure")).containsEntry("migration", "0003_orphan.sql").containsEntry("reason", "refused_data");

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(mtime);
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM liteshift_migrations")).isEqualTo(1);
    }

    @Test
    void rehearseKeepsTheCopyWhenAskedAndSaysWhereVerifyFailed() throws Exception {
        Files.writeString(migrations.resolve("0002_more.sql"), "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);\n");
        assertThat(run("hash").exitCode()).isZero();
        Path snapshot = migrations.resolve("meta/0002.schema.sql");
        Files.writeString(snapshot, Files.readString(snapshot) + "CREATE TABLE promised (id INTEGER PRIMARY KEY);\n");

        Cli.Result r = run("rehearse", "--keep");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(r.out()).contains("verify: problem:", "promised", "kept at");
        String kept = r.out().lines().filter(l -> l.startsWith("The migrated copy is kept at ")).findFirst().orElseThrow()
                .substring("The migrated copy is kept at ".length());
        Path copy = Path.of(kept);
        try {
            assertThat(TestDb.queryLong(copy, "SELECT count(*) FROM liteshift_migrations")).isEqualTo(2);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent());
        }
    }

    @Test
    void rehearseRefusesAMissingMigrationsDirectoryAndLeavesTheDatabaseAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Path mistyped = dir.resolve("migratoins");
        Cli.Result r = Cli.run("rehearse", "--dir", mistyped.toString(), "--db", db.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("the migrations directory " + mistyped + " does not exist.",
                "Check --dir (or `migrations` in liteshift.toml", "Nothing was changed.");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM liteshift_migrations")).isEqualTo(1);
    }
}
