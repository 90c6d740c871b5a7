package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online settings through the command line, in this JVM: what is refused before an online rebuild starts (a
 * rollback-journal database, a migration marked online that is not liteshift's plan, flags that do not go together)
 * and what generate writes. Each refusal leaves the file byte for byte as it was. The rebuild itself, with an
 * application writing, is {@code OnlineProcessTest}'s.
 */
class OnlineCommandsTest extends InTemporaryWorkingDirectory {
    static final String V1 = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, owner INTEGER, qty INTEGER);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE, body TEXT);
            """;
    /** qty becomes NOT NULL with a DEFAULT: a rebuild of the parent of a cascading child. */
    static final String V2 = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, owner INTEGER, qty INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE, body TEXT);
            """;
    static final String ROWS = """
            INSERT INTO items VALUES (1, 7, 3), (2, 7, NULL), (3, 8, 5);
            INSERT INTO notes VALUES (1, 1, 'a'), (2, 2, 'b');
            """;

    Path db;
    Path schema;
    Path migrations;

    @BeforeEach
    void project() throws Exception {
        db = dir.resolve("app.db");
        schema = dir.resolve("schema.sql");
        migrations = dir.resolve("migrations");
        Files.writeString(schema, V1);
    }

    private Cli.Result run(String... args) {
        return Cli.run(Cli.plus(args, "--dir", migrations.toString(), "--schema", schema.toString()));
    }

    @Test
    void pushOnlineRefusesARollbackJournalDatabaseWithTheFixAndChangesNothing() throws Exception {
        TestDb.exec(db, V1 + ROWS);
        Files.writeString(schema, V2);
        byte[] before = Files.readAllBytes(db);
        for (String[] flags : List.of(new String[]{"--online"}, new String[]{"--online", "--dry-run"})) {
            Cli.Result r = Cli.run(Cli.plus(new String[]{"push", "--db", db.toString(), "--schema", schema.toString()}, flags));

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.USAGE);
            assertThat(r.err()).as(r.toString()).startsWith("liteshift: refused pushing " + schema + " to " + db + " online: an online"
                            + " rebuild needs WAL mode, and " + db + " is in rollback-journal mode (journal_mode=delete).")
                    .contains("readers would block again and again", "`sqlite3 " + db + " 'PRAGMA journal_mode=WAL'`",
                            "push without --online", "Nothing was changed.");
            assertThat(Files.readAllBytes(db)).as("byte for byte as it was").isEqualTo(before);
        }
        assertThat(dir.resolve("app.db-journal")).doesNotExist();
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema ORDER BY name")).containsExactly("items", "notes");
    }

    @Test
    void maxLockNeedsOnlineAndAPositiveNumberOfMilliseconds() throws Exception {
        TestDb.exec(db, "PRAGMA journal_mode = WAL;\n" + V1 + ROWS);
        Files.writeString(schema, V2);
        byte[] before = Files.readAllBytes(db);
        Cli.Result alone = Cli.run("push", "--db", db.toString(), "--schema", schema.toString(), "--max-lock-ms", "10");
        assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(Main.USAGE);
        assertThat(alone.err()).contains("--max-lock-ms bounds each chunk of an online rebuild, but nothing runs online here: add --online.");
        Cli.Result zero = Cli.run("push", "--db", db.toString(), "--schema", schema.toString(), "--online", "--max-lock-ms", "0");
        assertThat(zero.exitCode()).as(zero.toString()).isEqualTo(Main.USAGE);
        assertThat(zero.err()).contains("--max-lock-ms must be between 1 and 60000 milliseconds, not 0.");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(TestDb.queryLong(db, "SELECT \"notnull\" FROM pragma_table_info('items') WHERE name = 'qty'")).isZero();
    }

    @Test
    void generateOnlineMarksAMigrationThatRebuildsATableAndOnlySuchAMigration() throws Exception {
        Cli.Result first = run("generate", "--name", "init", "--online");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Path init = migrations.resolve("0001_init.sql");
        assertThat(Files.readString(init)).as("nothing to rebuild: no directive").doesNotContain("liteshift:online");

        Files.writeString(schema, V2);
        Cli.Result second = run("generate", "--name", "qty_default", "--online");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("rebuilds items (online): ");
        String text = Files.readString(migrations.resolve("0002_qty_default.sql"));
        assertThat(text).startsWith("-- 0002_qty_default.sql\n-- liteshift:online\n")
                .contains("online: the rows are copied in short chunks while the application writes")
                .doesNotContain("every row is copied while the write lock is held");
        Cli.Result verify = Cli.run("verify", "--repo", "--dir", migrations.toString(), "--schema", schema.toString());
        assertThat(verify.exitCode()).as("the directive is part of the hashed file: " + verify).isZero();
    }

    @Test
    void aMigrationMarkedOnlineOnARollbackJournalDatabaseIsRefusedAndNoOnlineAppliesIt() throws Exception {
        run("generate", "--name", "init");
        assertThat(run("migrate", "--db", db.toString(), "--create").exitCode()).isZero();
        TestDb.exec(db, ROWS);
        Files.writeString(schema, V2);
        run("generate", "--name", "qty_default", "--online");
        byte[] before = Files.readAllBytes(db);

        Cli.Result refused = run("migrate", "--db", db.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(Main.USAGE);
        assertThat(refused.err()).contains("refused applying " + migrations + "/0002_qty_default.sql online: an online rebuild needs WAL mode",
                "--no-online", "Nothing was changed.");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);

        Cli.Result offline = run("migrate", "--db", db.toString(), "--no-online");
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT id || ':' || qty FROM items ORDER BY id")).containsExactly("1:3", "2:0", "3:5");
        assertThat(TestDb.column(db, "SELECT id || ':' || item_id FROM notes ORDER BY id")).containsExactly("1:1", "2:2");
        assertThat(TestDb.column(db, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
        assertThat(TestDb.sound(db)).isTrue();
    }

    @Test
    void aHandWrittenStatementBeforeThePlannedStepsIsRefusedAtItsLine() throws Exception {
        run("generate", "--name", "init");
        TestDb.exec(db, "PRAGMA journal_mode = WAL");
        assertThat(run("migrate", "--db", db.toString()).exitCode()).isZero();
        TestDb.exec(db, ROWS);
        Files.writeString(schema, V2);
        run("generate", "--name", "qty_default", "--online");
        Path file = migrations.resolve("0002_qty_default.sql");
        String text = Files.readString(file);
        String edited = text.replace("BEGIN IMMEDIATE;\n", "BEGIN IMMEDIATE;\nUPDATE items SET qty = 0 WHERE qty IS NULL;\n");
        Files.writeString(file, edited);
        assertThat(run("hash").exitCode()).isZero();
        int line = edited.substring(0, edited.indexOf("UPDATE items")).split("\n", -1).length;
        String before = TestDb.dump(db);

        Cli.Result r = run("migrate", "--db", db.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(migrations + "/0002_qty_default.sql:" + line + ": this hand-written statement comes before or among"
                        + " the steps liteshift plans", "UPDATE items SET qty = 0 WHERE qty IS NULL",
                "with only hand-written INSERT, UPDATE, DELETE and REPLACE statements after it", "Nothing was applied.");
        assertThat(TestDb.dump(db)).as("nothing ran").isEqualTo(before);
    }

    @Test
    void pushOnlineWithJsonReportsEachRebuildsFigures() throws Exception {
        TestDb.exec(db, "PRAGMA journal_mode = WAL;\n" + V1 + ROWS);
        Files.writeString(schema, V2);
        Map<String, Object> pushed = JsonOut.of("push", Cli.run("push", "--db", db.toString(), "--schema", schema.toString(), "--online", "--json"));
        assertThat(pushed).containsEntry("applied", true).containsEntry("recoveries", List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> online = (List<Map<String, Object>>) pushed.get("online");
        assertThat(online).singleElement().satisfies(o -> assertThat(o).containsEntry("table", "items").containsEntry("rows", 3)
                .containsEntry("recovery", null).containsKeys("copyMs", "drainMs", "longestLockMs", "chunks", "rowsPerSecond"));
        assertThat(TestDb.column(db, "SELECT id || ':' || qty FROM items ORDER BY id")).containsExactly("1:3", "2:0", "3:5");
        assertThat(TestDb.sound(db)).isTrue();
    }

    @Test
    void pushOnlineUnderEachRebuildsEveryDatabaseAndPrefixesItsProgressWithItsName() throws Exception {
        for (String tenant : List.of("acme", "zeta")) {
            TestDb.exec(Files.createDirectories(dir.resolve("tenants")).resolve(tenant + ".db"), "PRAGMA journal_mode = WAL;\n" + V1 + ROWS);
        }
        Files.writeString(schema, V2);
        Cli.Result r = Cli.run("push", "--each", "tenants/*.db", "--schema", schema.toString(), "--online", "--parallel", "2");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("tenants/acme.db: items: copy ", "tenants/zeta.db: items: done ", "[2/2]");
        assertThat(r.out()).contains("pushed", "1 rebuilt online");
        for (String tenant : List.of("acme", "zeta")) {
            Path t = dir.resolve("tenants").resolve(tenant + ".db");
            assertThat(TestDb.column(t, "SELECT id || ':' || qty FROM items ORDER BY id")).containsExactly("1:3", "2:0", "3:5");
            assertThat(TestDb.column(t, "SELECT id || ':' || item_id FROM notes ORDER BY id")).containsExactly("1:1", "2:2");
            assertThat(TestDb.queryLong(t, "SELECT \"notnull\" FROM pragma_table_info('items') WHERE name = 'qty'")).isEqualTo(1);
            assertThat(TestDb.sound(t)).isTrue();
        }
        Cli.Result again = Cli.run("push", "--each", "tenants/*.db", "--schema", schema.toString(), "--online");
        assertThat(again.out()).as(again.toString()).contains("up to date");
    }
}
