package io.liteshift.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** migrate, status, verify and backup over many databases: {@code --each GLOB}, one per tenant. */
class EachCommandTest extends InTemporaryWorkingDirectory {
    private static final List<String> TENANTS = List.of("acme", "globex", "hooli", "initech", "umbrella");

    /** Five tenants at 0001, each with its own rows (tenant i has i + 2 notes), and 0002 generated, pending. */
    @BeforeEach
    void tenantsAtVersionOne() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n");
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        Files.createDirectories(dir.resolve("tenants"));
        for (int i = 0; i < TENANTS.size(); i++) {
            String db = "tenants/" + TENANTS.get(i) + ".db";
            Cli.Result r = Cli.run("migrate", "--db", db, "--create");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            for (int n = 0; n < i + 2; n++) TestDb.exec(dir.resolve(db), "INSERT INTO notes (body) VALUES ('" + TENANTS.get(i) + " " + n + "')");
        }
        // a rebuild (NOT NULL with a DEFAULT over existing rows) and a new column: real work on every tenant
        Files.writeString(dir.resolve("schema.sql"),
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL CHECK (length(body) > 0), pinned INTEGER NOT NULL DEFAULT 0);\n");
        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();
    }

    private Path tenant(String name) {
        return dir.resolve("tenants/" + name + ".db");
    }

    /** A file that is no database and one cut short are marked damaged in the table; the others are migrated. */
    @Test
    void damagedDatabasesAreMarkedAndTheOthersAreMigrated() throws Exception {
        Files.writeString(tenant("hooli"), "this is not a SQLite database, it only has its name\n");
        byte[] notADatabase = Files.readAllBytes(tenant("hooli"));
        try (var f = new RandomAccessFile(tenant("initech").toFile(), "rw")) {
            f.setLength(f.length() / 2 / 4096 * 4096); // half of its pages gone
        }
        byte[] truncated = Files.readAllBytes(tenant("initech"));

        Cli.Result r = Cli.run("migrate", "--each", "tenants/*.db");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.NOT_UP_TO_DATE); // what `migrate --db tenants/hooli.db` returns
        for (int i = 0; i < TENANTS.size(); i++) {
            String t = TENANTS.get(i);
            if (t.equals("hooli") || t.equals("initech")) continue;
            assertThat(TestDb.column(tenant(t), "SELECT version FROM liteshift_migrations ORDER BY version")).as(t).containsExactly("1", "2");
            assertThat(TestDb.column(tenant(t), "SELECT body || '|' || pinned FROM notes ORDER BY id")).as(t + "'s own rows, kept")
                    .hasSize(i + 2).allMatch(row -> row.startsWith(t + " ") && row.endsWith("|0"));
            assertThat(TestDb.sound(tenant(t))).isTrue();
        }
        assertThat(Files.readAllBytes(tenant("hooli"))).isEqualTo(notADatabase);
        assertThat(Files.readAllBytes(tenant("initech"))).isEqualTo(truncated);
        assertThat(dir.resolve("tenants/initech.db-journal")).doesNotExist();
        assertThat(r.out()).contains("DATABASE", "RESULT", "VERSION", "TOOK", "ERROR")
                .containsPattern("tenants/acme\\.db +migrated +0002 +1 applied")
                .containsPattern("tenants/hooli\\.db +damaged +- .*hooli\\.db is damaged: ")
                .containsPattern("tenants/initech\\.db +damaged +- .*initech\\.db is damaged: ")
                .contains("5 database(s): 3 ok, 2 not: tenants/hooli.db, tenants/initech.db.");
        assertThat(r.err()).contains("[5/5] ")
                .contains("liteshift: tenants/hooli.db: " + tenant("hooli") + " is damaged: SQLite reports \"file is not a database\"")
                .contains("If DATABASE_URL (or the database setting) names the wrong file, fix that")
                .contains("liteshift: tenants/initech.db: " + tenant("initech") + " is damaged: SQLite reports \"database disk image is malformed\"");
        assertThat(r.err().lines().filter(l -> l.matches("\\[\\d/5] \\[#*\\.*] .*"))).hasSize(5);
        assertThat(r.err()).contains("[5/5] [####################] ");
    }

    @Test
    void anEditedHistoryIsRefusedForThatTenantOnlyAndFailuresOfDifferentKindsExitWithOne() throws Exception {
        TestDb.exec(tenant("globex"), "UPDATE liteshift_migrations SET checksum = 'edited' WHERE version = 1");
        String globex = TestDb.dump(tenant("globex"));

        Cli.Result r = Cli.run("migrate", "--each", "tenants/*.db", "--parallel", "3");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.REFUSED_HISTORY);
        assertThat(TestDb.dump(tenant("globex"))).as("refused, so unchanged").isEqualTo(globex);
        assertThat(r.out()).containsPattern("tenants/globex\\.db +refused").contains("4 ok, 1 not: tenants/globex.db.");
        assertThat(r.err()).contains("liteshift: tenants/globex.db: refused migrating", "0001_notes.sql");
        for (String t : List.of("acme", "hooli", "initech", "umbrella")) {
            assertThat(TestDb.column(tenant(t), "SELECT max(version) FROM liteshift_migrations")).as(t).containsExactly("2");
        }

        Files.writeString(tenant("umbrella"), "not a database");
        Cli.Result mixed = Cli.run("migrate", "--each", "tenants/*.db");
        assertThat(mixed.exitCode()).as("exit 5 and exit 2: " + mixed).isEqualTo(Main.FAILED);
        assertThat(mixed.out()).contains("3 ok, 2 not: tenants/globex.db, tenants/umbrella.db.");
    }

    @Test
    void manyDatabasesMigratedInParallelEachGetExactlyItsOwnRows() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path db = Files.createDirectories(dir.resolve("volumes/m" + i)).resolve("app.db");
            Files.copy(tenant(TENANTS.get(i % TENANTS.size())), db);
            TestDb.exec(db, "INSERT INTO notes (body) VALUES ('machine " + i + "')");
            expected.add(TestDb.column(db, "SELECT group_concat(body, ',') FROM notes").get(0));
        }

        Cli.Result r = Cli.run("migrate", "--each", "volumes/*/app.db", "--parallel", "4", "--backup", "--keep", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("8 database(s): 8 ok.").contains("backed up first");
        for (int i = 0; i < 8; i++) {
            Path db = dir.resolve("volumes/m" + i + "/app.db");
            assertThat(TestDb.column(db, "SELECT group_concat(body || ':' || pinned, ',') FROM notes").get(0))
                    .isEqualTo(expected.get(i).replace(",", ":0,") + ":0");
            assertThat(TestDb.column(db, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
            assertThat(TestDb.sound(db)).isTrue();
            try (var backups = Files.list(dir.resolve("backups/m" + i))) {
                assertThat(backups.filter(p -> p.toString().endsWith("-v0001.sqlite")).toList()).as("m" + i + "'s own backup directory")
                        .singleElement().satisfies(b -> assertThat(TestDb.count(b, "notes")).isEqualTo(TestDb.count(db, "notes")));
            }
        }
    }

    @Test
    void statusVerifyAndBackupOverSeveralDatabases() throws Exception {
        Cli.Result pending = Cli.run("status", "--each", "tenants/*.db");
        assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(pending.out()).containsPattern("tenants/acme\\.db +not up to date +0001 +1 pending").contains("0 ok, 5 not");
        assertThat(Cli.run("migrate", "--each", "tenants/*.db").exitCode()).isZero();

        Cli.Result status = Cli.run("status", "--each", "tenants/*.db", "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(status.out());
        assertThat(json.get("ok")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dbs = (List<Map<String, Object>>) json.get("databases");
        assertThat(dbs).hasSize(5);
        assertThat(dbs.get(0)).containsEntry("database", "tenants/acme.db").containsEntry("version", 2)
                .containsEntry("exitCode", 0).containsKeys("applied", "pending", "problems", "durationMs", "file");

        TestDb.exec(tenant("initech"), "CREATE TABLE scratch (x)"); // drift: a table made by hand
        Cli.Result verify = Cli.run("verify", "--each", "tenants/*.db", "--json");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> verified = (List<Map<String, Object>>) JSON.std.mapFrom(verify.out()).get("databases");
        assertThat(verified).extracting(d -> d.get("ok")).containsExactly(true, true, true, false, true);
        assertThat(verify.out()).contains("scratch");
        Cli.Result text = Cli.run("verify", "--each", "tenants/*.db");
        assertThat(text.out()).containsPattern("tenants/initech\\.db +not verified +0002 +1 problem");
        assertThat(text.err()).contains("liteshift: tenants/initech.db: ").contains("scratch");

        Cli.Result backup = Cli.run("backup", "--each", dir.resolve("tenants") + "/*.db", "--to", "snapshots");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.out()).contains("5 database(s): 5 ok.", dir.resolve("tenants/acme.db").toString());
        for (String t : TENANTS) {
            try (var s = Files.list(dir.resolve("snapshots"))) {
                List<Path> taken = s.filter(p -> p.getFileName().toString().matches(t + "-\\d{8}-\\d{9}-v0002\\.sqlite")).toList();
                assertThat(taken).as(t).hasSize(1);
                assertThat(TestDb.count(taken.get(0), "notes")).isEqualTo(TestDb.count(tenant(t), "notes"));
                assertThat(taken.get(0).resolveSibling(taken.get(0).getFileName() + ".manifest")).exists();
            }
        }
        Cli.Result again = Cli.run("backup", "--each", "snapshots/*");
        assertThat(again.exitCode()).as("backups are never taken for databases: " + again).isEqualTo(Main.USAGE);
        assertThat(again.err()).contains("no database file matches --each 'snapshots/*'");
    }

    @Test
    void usageErrors() {
        Cli.Result both = Cli.run("migrate", "--each", "tenants/*.db", "--db", "tenants/acme.db");
        assertThat(both.exitCode()).isEqualTo(Main.USAGE);
        assertThat(both.err()).contains("--each and --db cannot be used together");
        Cli.Result none = Cli.run("status", "--each", "tenant/*.db");
        assertThat(none.exitCode()).isEqualTo(Main.USAGE);
        assertThat(none.err()).contains("no database file matches --each 'tenant/*.db'", dir.toString());
        assertThat(Cli.run("verify", "--each", "tenants/*.db", "--parallel", "0").err()).contains("--parallel must be between 1 and 64");
        assertThat(Cli.run("backup", "--parallel", "2").err()).contains("--parallel goes with --each");
        assertThat(TestDb.column(tenant("acme"), "SELECT max(version) FROM liteshift_migrations")).containsExactly("1");
    }

    @Test
    void aLiteFsReplicaAmongThemWritesNothingAndSaysWhoThePrimaryIs() throws Exception {
        Path replica = Files.createDirectories(dir.resolve("replica")).resolve("app.db");
        Files.copy(tenant("acme"), replica);
        Files.writeString(replica.resolveSibling(".primary"), "acme-primary.internal\n");
        byte[] before = Files.readAllBytes(replica);

        Cli.Result alone = Cli.run("migrate", "--db", "replica/app.db", "--replica-timeout", "1");
        assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(Main.FAILED);
        CliAssertions.assertNoStackTrace(alone);
        assertThat(alone.err()).contains("LiteFS replica", "acme-primary.internal", replica + " is at 0001", "expect 0002",
                "--replica-timeout", "Nothing was written");
        assertThat(Files.readAllBytes(replica)).isEqualTo(before);

        assertThat(Cli.run("migrate", "--db", "tenants/acme.db").exitCode()).isZero();
        Files.copy(tenant("acme"), replica, StandardCopyOption.REPLACE_EXISTING); // replicated
        byte[] replicated = Files.readAllBytes(replica);
        Cli.Result reached = Cli.run("migrate", "--db", "replica/app.db");
        assertThat(reached.exitCode()).as(reached.toString()).isZero();
        assertThat(reached.out()).contains("LiteFS replica of acme-primary.internal: the schema is at 0002; nothing written here.");
        assertThat(Files.readAllBytes(replica)).isEqualTo(replicated);

        Cli.Result each = Cli.run("migrate", "--each", "*/*.db");
        assertThat(each.exitCode()).as(each.toString()).isZero();
        assertThat(each.out()).containsPattern("replica/app\\.db +replica +0002 +nothing written \\(primary: acme-primary\\.internal\\)");
    }
}
