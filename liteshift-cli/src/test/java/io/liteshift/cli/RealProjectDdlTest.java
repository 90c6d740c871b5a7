package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What real projects write and meet, through the command line: drizzle-kit's DDL (foreign keys without commas
 * between them) through push, hash and migrate; refusals over many rows that stay a few lines; CHECKs that raise
 * errors and type changes that would change values, refused with exit 4 and the file left as it was; and the lint
 * warnings migrate goes ahead with, printed rather than scrolled past.
 */
class RealProjectDdlTest {
    @TempDir
    Path dir;
    Path db;
    Path schema;

    @BeforeEach
    void files() {
        db = dir.resolve("app.db");
        schema = dir.resolve("schema.sql");
    }

    @Test
    void aUniqueRefusalOverTwentyThousandRowsIsAFewLinesWithTheValuesAndTheirCounts() throws Exception {
        TestDb.exec(db, """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                INSERT INTO users SELECT i, CASE WHEN i IN (1, 7, 9) THEN 'a@x' ELSE 'u' || (i % 10000) || '@x' END FROM n;
                """);
        TestDb.writeSchema(schema, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE);\n");
        Unchanged before = Unchanged.of(db);

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", schema.toString(), "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("liteshift: refused: the rows in " + db + " cannot take the declared schema " + schema + ":\n"
                + "  - users: new UNIQUE (email) is broken by 19,997 of 20,000 rows sharing 9,998 values: email 'a@x' appears 3 times"
                + " (id 1, 7, 9), 'u0@x' appears 2 times (id 10000, 20000), 'u1000@x' appears 2 times (id 1000, 11000), and 9,995"
                + " more. Remove or change the duplicates first, or drop the UNIQUE.\n"
                + "Nothing was changed.\n");
        assertThat(r.err().length()).isLessThan(600);
        before.assertSame();
    }

    @Test
    void aCheckThatRaisesAnErrorOnSomeRowsIsRefusedNamingThem() throws Exception {
        TestDb.exec(db, """
                CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO events SELECT i, CASE WHEN i % 1000 = 0 THEN 'not json' ELSE json_object('n', i - 4000) END FROM n;
                """);
        TestDb.writeSchema(schema, """
                CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT,
                  CONSTRAINT positive CHECK (json_extract(body, '$.n') > 0 -- counts are never negative
                  ));
                """);
        Unchanged before = Unchanged.of(db);

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", schema.toString(), "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("  - events: new CHECK (json_extract(body, '$.n') > 0) (constraint positive) raises an error on 5"
                + " of 5,000 rows (id 1000, 2000, 3000, 4000, 5000): malformed JSON, and fails for 3,996 more. Fix those rows first, or"
                + " change the CHECK so that SQLite can evaluate it on every row.\nNothing was changed.\n");
        CliAssertions.assertNoStackTrace(r);
        before.assertSame();
    }

    @Test
    void aTypeChangeThatWouldChangeStoredValuesIsRefusedEvenWithYes() throws Exception {
        TestDb.exec(db, """
                CREATE TABLE parts (id INTEGER PRIMARY KEY, code TEXT, sku ANY) STRICT;
                INSERT INTO parts VALUES (1, '12', '000123'), (2, '007', 'A-1'), (3, 'n/a', 42);
                """);
        TestDb.writeSchema(schema, "CREATE TABLE parts (id INTEGER PRIMARY KEY, code INTEGER, sku ANY);\n");
        Unchanged before = Unchanged.of(db);

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", schema.toString(), "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains(
                "  - parts.code becomes INTEGER: the copy would store 1 of 3 rows differently than they are (id 2: '007' would become 7).",
                "  - parts.sku becomes ANY: the copy would store 1 of 3 rows differently than they are (id 1: '000123' would become 123).",
                "To keep the values, declare a type that stores them as they are");
        before.assertSame();
    }

    /** drizzle-kit's files as it writes them: backticks, lower-case actions, no comma between FOREIGN KEYs, its own rebuild. */
    @Test
    void aDrizzleProjectGoesThroughHashMigrateGenerateAndPush() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("drizzle"));
        Files.writeString(migrations.resolve("0000_glossy_thor.sql"), """
                CREATE TABLE `users` (
                \t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                \t`email` text NOT NULL,
                \t`created_at` integer DEFAULT (unixepoch()) NOT NULL
                );
                --> statement-breakpoint
                CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
                CREATE TABLE `teams` (
                \t`id` integer PRIMARY KEY NOT NULL,
                \t`name` text NOT NULL
                );
                """);
        Files.writeString(migrations.resolve("0001_tired_wolf.sql"), """
                PRAGMA foreign_keys=OFF;--> statement-breakpoint
                CREATE TABLE `memberships` (
                \t`user_id` integer NOT NULL,
                \t`team_id` integer NOT NULL,
                \t`role` text DEFAULT 'member' NOT NULL,
                \tPRIMARY KEY(`user_id`, `team_id`),
                \tFOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
                \tFOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
                );
                --> statement-breakpoint
                PRAGMA foreign_keys=ON;
                """);
        String dirs = migrations.toString();
        Cli.Result hash = Cli.run("hash", "--dir", dirs);
        assertThat(hash.exitCode()).as(hash.toString()).isZero();
        Cli.Result migrate = Cli.run("migrate", "--dir", dirs, "--db", db.toString(), "--create");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        TestDb.exec(db, """
                INSERT INTO users (email) VALUES ('a@x'), ('b@x');
                INSERT INTO teams VALUES (1, 'core');
                INSERT INTO memberships (user_id, team_id) VALUES (1, 1), (2, 1);
                """);

        TestDb.writeSchema(schema, Files.readString(migrations.resolve("0000_glossy_thor.sql")).replace("--> statement-breakpoint", "")
                .replace("\t`created_at`", "\t`name` text DEFAULT anonymous NOT NULL,\n\t`created_at`")
                + Files.readString(migrations.resolve("0001_tired_wolf.sql")).replaceAll("(?m)^PRAGMA.*$|--> statement-breakpoint", "")
                .replace("NOT NULL,\n\tPRIMARY KEY", "NOT NULL,\n\t`since` integer DEFAULT (unixepoch()) NOT NULL,\n\tPRIMARY KEY"));
        Cli.Result generate = Cli.run("generate", "--dir", dirs, "--schema", schema.toString(), "--name", "names");
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        assertThat(generate.out()).contains("0002_names.sql", "rebuilds memberships");
        Cli.Result second = Cli.run("migrate", "--dir", dirs, "--db", db.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT name FROM users ORDER BY id")).containsExactly("anonymous", "anonymous");
        assertThat(TestDb.column(db, "SELECT user_id || ':' || role || ':' || (since > 0) FROM memberships ORDER BY user_id"))
                .containsExactly("1:member:1", "2:member:1");
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM pragma_foreign_key_list('memberships')")).isEqualTo(2);
        assertThat(TestDb.sound(db)).isTrue();
        Cli.Result verify = Cli.run("verify", "--dir", dirs, "--db", db.toString(), "--schema", schema.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        Cli.Result push = Cli.run("push", "--db", db.toString(), "--schema", schema.toString());
        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(push.out()).contains("Nothing to do");
    }

    /**
     * A CHECK written over several lines, with comments, is quoted in the header of the migration generate writes
     * ("Changes:", "Needs attention:"): on one line, so the header stays comments and the migration runs.
     */
    @Test
    void generateQuotesAMultiLineCheckInItsHeaderOnOneLine() throws Exception {
        Path migrations = dir.resolve("migrations");
        String dirs = migrations.toString();
        TestDb.writeSchema(schema, "CREATE TABLE t (id INTEGER PRIMARY KEY, a INT);\n");
        assertThat(Cli.run("generate", "--dir", dirs, "--schema", schema.toString(), "--name", "one").exitCode()).isZero();
        TestDb.writeSchema(schema, """
                CREATE TABLE t (id INTEGER PRIMARY KEY, a INT,
                  CHECK (a > 0 -- positive
                    AND a < 10 /* small */)
                );
                """);

        Cli.Result r = Cli.run("generate", "--dir", dirs, "--schema", schema.toString(), "--name", "two");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String written = Files.readString(migrations.resolve("0002_two.sql"));
        assertThat(written).contains("--   alter table t: add CHECK (a > 0  AND a < 10)\n");
        assertThat(written.lines().takeWhile(l -> !l.startsWith("PRAGMA"))).allMatch(l -> l.isEmpty() || l.startsWith("--"));
        Cli.Result migrate = Cli.run("migrate", "--dir", dirs, "--db", db.toString(), "--create");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT sql FROM sqlite_schema WHERE name = 't'").get(0)).contains("-- positive");
    }

    @Test
    void migratePrintsTheLintWarningsItWentAheadWith() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, legacy TEXT);\n");
        String dirs = migrations.toString();
        assertThat(Cli.run("hash", "--dir", dirs).exitCode()).isZero();
        assertThat(Cli.run("migrate", "--dir", dirs, "--db", db.toString(), "--create").exitCode()).isZero();
        TestDb.exec(db, "INSERT INTO notes VALUES (1, 'a', 'old'), (2, 'b', NULL);");
        Files.writeString(migrations.resolve("0002_drop_legacy.sql"), "ALTER TABLE notes DROP COLUMN legacy;\n");
        assertThat(Cli.run("hash", "--dir", dirs).exitCode()).isZero();

        Cli.Result r = Cli.run("migrate", "--dir", dirs, "--db", db.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("liteshift: warning: lint: 0002_drop_legacy.sql:1: [drop-column] column notes.legacy is not in the"
                + " declared schema and would be dropped with its 1 value (in 2 rows).");
        assertThat(r.err()).contains("liteshift: warning: lint: 0002_drop_legacy.sql:1: [rolling-drop] drops column");
        assertThat(r.out()).contains("applied 0002_drop_legacy");
        assertThat(TestDb.column(db, "SELECT name FROM pragma_table_info('notes')")).containsExactly("id", "body");
    }

    /** The database file and its side files, to compare after a refusal. */
    private record Unchanged(Path db, byte[] bytes, List<String> siblings) {
        static Unchanged of(Path db) throws Exception {
            return new Unchanged(db, Files.readAllBytes(db), siblings(db));
        }

        static List<String> siblings(Path db) throws Exception {
            try (var s = Files.list(db.getParent())) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(db.getFileName().toString())).sorted().toList();
            }
        }

        void assertSame() throws Exception {
            assertThat(Files.readAllBytes(db)).as("the database file is byte-identical").isEqualTo(bytes);
            assertThat(siblings(db)).as("no -journal, -wal or temporary file left beside it").isEqualTo(siblings);
        }
    }
}
