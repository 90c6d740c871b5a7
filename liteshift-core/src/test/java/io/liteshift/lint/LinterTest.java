package io.liteshift.lint;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrationLint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every lint rule on real migration files, without a database (what MAY fail) and with one (the real counts). */
class LinterTest {
    @TempDir
    Path root;
    Path migrations;
    Path db;

    @BeforeEach
    void setUp() {
        migrations = root.resolve("migrations");
        db = root.resolve("app.db");
    }

    /** Writes 0001 (the base), applies it to the database, then runs {@code rows} on it. */
    private void base(String schema, String rows) throws Exception {
        write("0001_base.sql", schema);
        LiteShift.configure().migrations(migrations).load().hash();
        LiteShift.configure().database(db.toString()).migrations(migrations).createMissing(true).load().migrate();
        sql(rows);
    }

    private void write(String name, String sql) throws IOException {
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve(name), sql);
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String part : sql.split(";\\s*\\n")) if (!part.isBlank()) s.execute(part);
        }
    }

    private LintReport withDb() {
        return MigrationLint.lint(MigrationDirectory.of(migrations), db, 0);
    }

    private LintReport withoutDb() {
        return MigrationLint.lint(MigrationDirectory.of(migrations), null, 2);
    }

    private static LintIssue only(LintReport r, String code) {
        List<LintIssue> found = r.issues().stream().filter(i -> i.code().equals(code)).toList();
        assertThat(found).as(r.issues().toString()).hasSize(1);
        return found.get(0);
    }

    private static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, nick TEXT);\n";
    /** 1,000 users; every 27th has no email: 37 NULLs, ids 27, 54, 81, ... */
    private static final String THOUSAND = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            INSERT INTO users SELECT i, CASE WHEN i % 27 = 0 THEN NULL ELSE 'u' || (i % 500) || '@x' END, 'n' || i FROM n;
            """;

    @Test
    void notNullCountsTheRealNulls() throws Exception {
        base(USERS, THOUSAND);
        write("0002_email_required.sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");

        LintIssue may = only(withoutDb(), "not-null");
        assertThat(may.severity()).isEqualTo(Severity.WARNING);
        assertThat(may.message()).contains("MAY fail");
        assertThat(may.file()).isEqualTo("0002_email_required.sql");
        assertThat(may.line()).isEqualTo(1);

        LintReport r = withDb();
        assertThat(r.linted()).containsExactly("0002_email_required.sql"); // 0001 is applied
        LintIssue is = only(r, "not-null");
        assertThat(is.severity()).isEqualTo(Severity.ERROR);
        assertThat(is.message()).contains("37 of 1,000 rows are NULL", "id 27, 54, 81, 108, 135, …");
        assertThat(is.measured().rows()).as("the count of the message, on its own").isEqualTo(37);
        assertThat(is.measured().sampleKeys()).containsExactly("id 27", "id 54", "id 81", "id 108", "id 135");
        assertThat(may.measured()).as("nothing measured without a database").isEqualTo(Measurement.NONE);
        assertThat(is.fix()).contains("DEFAULT");
        assertThat(r.hasErrors()).isTrue();
    }

    @Test
    void aBackfillBeforeTheStepTurnsTheErrorIntoAWarning() throws Exception {
        base(USERS, THOUSAND);
        write("0002_email_required.sql", """
                UPDATE users SET email = 'none' WHERE email IS NULL;
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                """);
        LintIssue i = only(withDb(), "not-null");
        assertThat(i.severity()).isEqualTo(Severity.WARNING);
        assertThat(i.message()).contains("counted before this file's own");
    }

    @Test
    void anIgnoreLineSuppressesTheNamedCodesForThatFile() throws Exception {
        base(USERS, THOUSAND);
        write("0002_email_required.sql", """
                -- reviewed: the application fills them first. liteshift:lint-ignore is not this line
                -- liteshift:lint-ignore not-null, rolling-drop
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                """);
        LintReport r = withDb();
        assertThat(r.issues()).isEmpty();
        assertThat(r.suppressed()).isEqualTo(1);
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void dropsSayWhatIsLostAndBreakARollingDeploy() throws Exception {
        base(USERS + "CREATE TABLE old_log (id INTEGER PRIMARY KEY, line TEXT);\nCREATE TABLE empty_one (id INTEGER);\n",
                THOUSAND + "INSERT INTO old_log (line) VALUES ('a'), ('b'), ('c');\n");
        write("0002_cleanup.sql", """
                ALTER TABLE users DROP COLUMN nick;
                DROP TABLE old_log;
                DROP TABLE empty_one;
                """);
        LintReport without = withoutDb();
        assertThat(without.issues()).extracting(LintIssue::code)
                .containsExactlyInAnyOrder("drop-column", "rolling-drop", "drop-table", "rolling-drop", "drop-table", "rolling-drop");
        assertThat(without.hasErrors()).isFalse();

        LintReport r = withDb();
        assertThat(r.issues()).filteredOn(i -> i.code().equals("drop-column")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("1,000 values"));
        assertThat(r.issues()).filteredOn(i -> i.code().equals("drop-table") && i.subject().equals("old_log")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("3 rows"));
        assertThat(r.issues()).filteredOn(i -> i.code().equals("drop-table") && i.subject().equals("empty_one")).singleElement()
                .satisfies(i -> {
                    assertThat(i.severity()).isEqualTo(Severity.INFO);
                    assertThat(i.message()).contains("holds no data");
                });
        assertThat(r.issues()).filteredOn(i -> i.code().equals("rolling-drop")).hasSize(3)
                .allSatisfy(i -> assertThat(i.fix()).contains("expand/contract"));
        assertThat(r.issues()).filteredOn(i -> i.code().equals("drop-table") && i.subject().equals("old_log")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(2));
    }

    @Test
    void renamesBreakARollingDeploy() throws Exception {
        base(USERS, "");
        write("0002_rename.sql", "ALTER TABLE users RENAME COLUMN nick TO nickname;\nALTER TABLE users RENAME TO members;\n");
        LintReport r = withoutDb();
        assertThat(r.issues()).extracting(LintIssue::code).containsExactly("rolling-rename", "rolling-rename");
        assertThat(r.issues()).extracting(LintIssue::message).anySatisfy(m -> assertThat(m).contains("renames column", "nick", "nickname"))
                .anySatisfy(m -> assertThat(m).contains("renames table users to members"));
    }

    @Test
    void uniqueIndexCountsTheDuplicates() throws Exception {
        base(USERS, THOUSAND);
        write("0002_unique_email.sql", "CREATE UNIQUE INDEX users_email ON users (email);\n");
        assertThat(only(withoutDb(), "unique").severity()).isEqualTo(Severity.WARNING);
        LintIssue i = only(withDb(), "unique");
        assertThat(i.severity()).isEqualTo(Severity.ERROR);
        assertThat(i.message()).contains("users_email", "sharing");
    }

    /**
     * A generated migration that changes a column's type so that the copy would store some values differently
     * ('007' as 7): a warning without a database, an error counted on the rows with one, and migrate refuses it,
     * leaving the file as it was.
     */
    @Test
    void aTypeChangeThatWouldChangeStoredValuesIsCountedAndMigrateRefusesIt() throws Exception {
        base("CREATE TABLE codes (id INTEGER PRIMARY KEY, code TEXT);\n",
                "INSERT INTO codes VALUES (1, '12'), (2, '007'), (3, 'abc'), (4, '1e3'), (5, NULL);\n");
        LiteShift app = generated("CREATE TABLE codes (id INTEGER PRIMARY KEY, code INTEGER);\n", "code_integer");

        LintIssue may = only(withoutDb(), "type-conversion");
        assertThat(may.severity()).isEqualTo(Severity.WARNING);
        assertThat(may.message()).contains("codes.code is copied into a column that stores values as INTEGER affinity (now TEXT"
                + " affinity): MAY change stored values");

        LintIssue is = only(withDb(), "type-conversion");
        assertThat(is.severity()).isEqualTo(Severity.ERROR);
        assertThat(is.message()).isEqualTo("codes.code becomes INTEGER: the copy would store 2 of 5 rows differently than they are"
                + " (id 2: '007' would become 7, id 4: '1e3' would become 1000).");
        assertThat(is.fix()).startsWith("To keep the values, declare a type that stores them as they are");

        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(app::migrate).isInstanceOf(LiteShiftException.class)
                .satisfies(e -> assertThat(((LiteShiftException) e).reason()).isEqualTo(LiteShiftException.Reason.REFUSED_DATA))
                .hasMessageContaining("[type-conversion]", "'007' would become 7");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(root.resolve("app.db-journal")).doesNotExist();
    }

    /** A CHECK that raises an error on some rows is counted with them, in a generated migration as in push. */
    @Test
    void aCheckThatRaisesAnErrorIsAnErrorNamingTheRows() throws Exception {
        base("CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT);\n",
                "INSERT INTO events VALUES (1, '{\"n\": 1}'), (2, 'oops'), (3, '{\"n\": 0}');\n");
        generated("CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT CHECK (json_extract(body, '$.n') > 0));\n", "checked");

        assertThat(only(withoutDb(), "check").severity()).isEqualTo(Severity.WARNING);
        LintIssue is = only(withDb(), "check");
        assertThat(is.severity()).isEqualTo(Severity.ERROR);
        assertThat(is.message()).isEqualTo("events: new CHECK (json_extract(body, '$.n') > 0) raises an error on 1 of 3 rows (id 2):"
                + " malformed JSON, and fails for 1 more.");
    }

    /** Declares {@code schema} and generates the migration to it, named {@code name}; the project, to migrate with. */
    private LiteShift generated(String schema, String name) throws IOException {
        Path file = Files.writeString(root.resolve("schema.sql"), schema);
        LiteShift app = LiteShift.configure().database(db.toString()).migrations(migrations).schema(file).load();
        app.generate(name);
        return app;
    }

    /** The runbook's hand-written rebuild adding a CHECK, a FOREIGN KEY and STRICT types. */
    @Test
    void aHandWrittenRebuildIsCheckedAndSized() throws Exception {
        base("CREATE TABLE teams (id INTEGER PRIMARY KEY);\nCREATE TABLE players (id INTEGER PRIMARY KEY, team_id INTEGER, age ANY);\n",
                "INSERT INTO teams VALUES (1), (2);\n"
                        + "INSERT INTO players VALUES (1, 1, 30), (2, 2, -4), (3, 9, 25), (4, 1, 'old');\n");
        write("0002_players_rules.sql", """
                PRAGMA foreign_keys = OFF;
                BEGIN;
                CREATE TABLE players_new (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES teams(id),
                  age INTEGER CHECK (age >= 0)) STRICT;
                INSERT INTO players_new SELECT id, team_id, age FROM players;
                DROP TABLE players;
                ALTER TABLE players_new RENAME TO players;
                PRAGMA foreign_key_check;
                COMMIT;
                PRAGMA foreign_keys = ON;
                """);
        LintReport without = withoutDb();
        assertThat(without.issues()).extracting(LintIssue::code).contains("check", "foreign-key", "rebuild");
        assertThat(without.issues()).filteredOn(i -> !i.code().equals("rebuild")).allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.WARNING));
        assertThat(without.issues()).extracting(LintIssue::code).doesNotContain("drop-table", "rolling-drop");

        LintReport r = withDb();
        assertThat(only(r, "check").message()).contains("1 of 4 rows", "id 2");
        assertThat(only(r, "check").severity()).isEqualTo(Severity.ERROR);
        assertThat(only(r, "foreign-key").message()).contains("1 of 4 rows", "id 3");
        assertThat(only(r, "strict-type").message()).contains("'old'");
        LintIssue rebuild = only(r, "rebuild");
        assertThat(rebuild.message()).contains("copies 4 rows", "KiB", "free", "holding the write lock");
        assertThat(rebuild.severity()).isEqualTo(Severity.INFO);
        assertThat(rebuild.measured().rows()).isEqualTo(4);
        assertThat(rebuild.measured().bytes()).isPositive();
        assertThat(rebuild.measured().estimatedLock()).isNotNull();
        assertThat(only(r, "foreign-key").measured()).isEqualTo(new Measurement(1L, List.of("id 3"), null, null));
    }

    /**
     * The runbook's way to add a NOT NULL column without a DEFAULT: a rebuild whose copy computes it. What the copy
     * computes is what is counted: a complete backfill passes, one that leaves NULLs is an error with the real count.
     */
    @Test
    void aBackfillWrittenIntoAHandWrittenRebuildsCopyIsCountedAsTheRowsWillBe() throws Exception {
        base(USERS, THOUSAND);
        String rebuild = """
                CREATE TABLE "_new_users" (id INTEGER PRIMARY KEY, email TEXT, nick TEXT, handle TEXT NOT NULL);
                INSERT INTO "_new_users" (id, email, nick, handle)
                  SELECT users.id, "email", nick, %s -- the backfill
                  FROM users;
                DROP TABLE users;
                ALTER TABLE "_new_users" RENAME TO users;
                """;
        write("0002_handle.sql", rebuild.formatted("lower(nick) || '-' || id"));
        LintReport filled = withDb();
        assertThat(filled.issues()).as(filled.issues().toString()).extracting(LintIssue::code).doesNotContain("not-null");
        assertThat(filled.hasErrors()).isFalse();

        write("0002_handle.sql", rebuild.formatted("CASE WHEN email IS NULL THEN NULL ELSE nick END"));
        LintIssue partly = only(withDb(), "not-null");
        assertThat(partly.severity()).isEqualTo(Severity.ERROR);
        assertThat(partly.message()).contains("users.handle is NOT NULL, and the copy gives 37 of 1,000 rows NULL", "id 27, 54");
        assertThat(partly.fix()).contains("coalesce");

        write("0002_handle.sql", rebuild.formatted("NULL"));
        assertThat(only(withDb(), "not-null").message()).contains("1,000");
    }

    /** A copy that reads a column the same file renamed first cannot be counted on today's table: the plan's view stays. */
    @Test
    void aCopyAfterTheSameFileAltersItsSourceIsNotReadAsTheRows() throws Exception {
        base(USERS, THOUSAND);
        write("0002_handle.sql", """
                ALTER TABLE users RENAME COLUMN nick TO handle;
                CREATE TABLE "_new_users" (id INTEGER PRIMARY KEY, email TEXT, handle TEXT NOT NULL);
                INSERT INTO "_new_users" (id, email, handle) SELECT id, email, handle FROM users;
                DROP TABLE users;
                ALTER TABLE "_new_users" RENAME TO users;
                """);
        LintReport r = withDb();
        assertThat(r.issues()).extracting(LintIssue::message).noneMatch(m -> m.contains("could not read"));
        assertThat(r.linted()).containsExactly("0002_handle.sql");
    }

    @Test
    void aGeneratedBackfillIsCountedAsANote() throws Exception {
        base(USERS, THOUSAND);
        Path schema = root.resolve("schema.sql");
        Files.writeString(schema, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT 'unknown', nick TEXT);\n");
        LiteShift.configure().database(db.toString()).migrations(migrations).schema(schema).load().generate("email_default");
        LintReport r = withDb();
        LintIssue b = only(r, "backfill");
        assertThat(b.severity()).isEqualTo(Severity.INFO);
        assertThat(b.message()).contains("37 rows holding NULL", "'unknown'");
        assertThat(r.issues()).extracting(LintIssue::code).doesNotContain("not-null", "fk-pragma-in-transaction");
        assertThat(r.hasErrors()).isFalse();
    }

    /**
     * A rebuild whose copy is estimated at a second or more under the write lock (about 33 MB) is a warning that
     * recommends the online rebuild; the same migration generated with --online says its rows are copied in chunks
     * while the application writes, and is only a note.
     */
    @Test
    void aSlowRebuildRecommendsOnlineAndAnOnlineMigrationSpeaksOfChunks() throws Exception {
        base("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB, size INTEGER);\n", """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 36000)
                INSERT INTO blobs SELECT i, randomblob(1000), 1000 FROM n;
                """);
        Path schema = root.resolve("schema.sql");
        Files.writeString(schema, "CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB, size INTEGER NOT NULL DEFAULT 0);\n");
        LiteShift files = LiteShift.configure().migrations(migrations).schema(schema).load();
        Path offline = files.generate("size_not_null").file().orElseThrow();

        LintIssue slow = only(withDb(), "rebuild");
        assertThat(slow.severity()).isEqualTo(Severity.WARNING);
        assertThat(slow.message()).contains("copies 36,000 rows", "holding the write lock for about 1.");
        assertThat(slow.fix()).contains("rebuild it online", "`liteshift push --online`", "`liteshift generate --online`", "needs WAL mode");

        Files.delete(offline);
        files.hash();
        Path online = files.generate("size_not_null", true).file().orElseThrow();
        assertThat(Files.readString(online)).contains("\n-- liteshift:online\n");
        LintIssue chunked = only(withDb(), "rebuild");
        assertThat(chunked.severity()).isEqualTo(Severity.INFO);
        assertThat(chunked.message()).contains("online: copies 36,000 rows", "in short chunks while the application writes")
                .doesNotContain("holding the write lock");
        assertThat(chunked.fix()).contains("WAL mode", "--max-lock-ms");
    }

    /** The code says which rule broke: a duplicated value that reads "PRIMARY KEY" breaks a UNIQUE, not a primary key. */
    @Test
    void aUniqueIsAUniqueWhateverItsValuesSayAndAPrimaryKeyIsAPrimaryKey() throws Exception {
        base("CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT, code INTEGER NOT NULL);\n",
                "INSERT INTO tags VALUES (1, 'PRIMARY KEY', 7), (2, 'PRIMARY KEY', 7), (3, 'other', 8);\n");
        write("0002_unique_label.sql", "CREATE UNIQUE INDEX tags_label ON tags (label);\n");
        LintIssue unique = only(withDb(), "unique");
        assertThat(unique.lintCode()).isEqualTo(LintCode.UNIQUE);
        assertThat(unique.message()).contains("'PRIMARY KEY' appears 2 times");

        write("0002_unique_label.sql", """
                CREATE TABLE tags_new (id INTEGER, label TEXT, code INTEGER NOT NULL PRIMARY KEY);
                INSERT INTO tags_new SELECT id, label, code FROM tags;
                DROP TABLE tags;
                ALTER TABLE tags_new RENAME TO tags;
                """);
        LintIssue key = only(withDb(), "primary-key");
        assertThat(key.severity()).isEqualTo(Severity.ERROR);
        assertThat(key.message()).contains("new PRIMARY KEY (code)", "code 7 appears 2 times");
        assertThat(key.fix()).isEqualTo("Remove or change the duplicates first, or drop the UNIQUE.");
    }

    /** A message and its fix are two fields: a ". " inside a value (here the DEFAULT) does not cut the message. */
    @Test
    void aFixIsItsOwnFieldNotTheTailOfTheMessage() throws Exception {
        base(USERS, THOUSAND);
        generated("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT 'n. a.', nick TEXT);\n", "email_default");
        LintIssue b = only(withDb(), "backfill");
        assertThat(b.message()).endsWith("37 rows holding NULL will get its DEFAULT 'n. a.'");
        assertThat(b.fix()).isEmpty();
        // placed at the first statement that reads the table: the rebuild's copy
        assertThat(b.location().statement()).startsWith("INSERT INTO \"_liteshift_new_users\"").endsWith("FROM users");
        assertThat(b.line()).isPositive();
    }

    @Test
    void unsafeStatements() throws Exception {
        base(USERS, THOUSAND);
        write("0002_by_hand.sql", """
                BEGIN;
                PRAGMA foreign_keys = ON;
                UPDATE users SET nick = lower(nick);
                DELETE FROM users;
                UPDATE users SET nick = NULL WHERE id = 1;
                COMMIT;
                """);
        LintReport r = withoutDb();
        assertThat(only(r, "fk-pragma-in-transaction").line()).isEqualTo(2);
        assertThat(only(r, "update-without-where").line()).isEqualTo(3);
        assertThat(only(r, "delete-without-where").line()).isEqualTo(4);
        assertThat(r.hasErrors()).isFalse();

        write("0003_vacuum.sql", "VACUUM;\n");
        LintReport v = withoutDb();
        assertThat(v.errors()).extracting(LintIssue::code).contains("vacuum", "does-not-run");
    }

    @Test
    void whatMigrateRefusesInsideItsTransactionIsAnError() throws Exception {
        base(USERS, "");
        write("0002_outside.sql", """
                SAVEPOINT s;
                ROLLBACK TO s;
                ROLLBACK TRANSACTION TO SAVEPOINT s;
                RELEASE s;
                ATTACH ':memory:' AS other;
                DETACH other;
                PRAGMA main.journal_mode = WAL;
                ROLLBACK;
                """);
        List<LintIssue> refused = withoutDb().issues().stream().filter(i -> i.code().equals("not-in-transaction")).toList();
        assertThat(refused).extracting(LintIssue::line).containsExactly(5, 6, 7, 8);
        assertThat(refused).extracting(LintIssue::message).allMatch(m -> m.endsWith(" cannot run inside the migration's"
                + " transaction; migrate refuses the file."));
        assertThat(refused).extracting(i -> i.message().substring(0, i.message().indexOf(" cannot")))
                .containsExactly("ATTACH", "DETACH", "PRAGMA journal_mode", "ROLLBACK");
        assertThat(refused).allMatch(i -> i.severity() == Severity.ERROR);
    }

    @Test
    void anIndexOnABigTableWithoutIfNotExistsIsANote() throws Exception {
        base(USERS, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)"
                + " INSERT INTO users SELECT i, 'e' || i, 'n' || i FROM n;\n");
        write("0002_index.sql", "CREATE INDEX users_nick ON users (nick);\nCREATE INDEX IF NOT EXISTS users_email ON users (email);\n");
        assertThat(withoutDb().issues()).isEmpty();
        LintIssue i = only(withDb(), "index-big-table");
        assertThat(i.severity()).isEqualTo(Severity.INFO);
        assertThat(i.line()).isEqualTo(1);
        assertThat(i.message()).contains("120,000 rows");
    }

    @Test
    void requireNoErrorsRefusesWithTheDataReason() throws Exception {
        base(USERS, THOUSAND);
        write("0002_email_required.sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
        assertThatThrownBy(() -> MigrationLint.requireNoErrors(MigrationDirectory.of(migrations), db))
                .isInstanceOf(LiteShiftException.class)
                .satisfies(e -> assertThat(((LiteShiftException) e).reason()).isEqualTo(LiteShiftException.Reason.REFUSED_DATA))
                .hasMessageContaining("[not-null]", "--force", "nothing was applied");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThatThrownBy(() -> MigrationLint.requireNoErrors(MigrationDirectory.of(migrations), c)).hasMessageContaining("37 of 1,000 rows");
        }
        sql("UPDATE users SET email = 'x' WHERE email IS NULL;\n");
        assertThat(MigrationLint.requireNoErrors(MigrationDirectory.of(migrations), db).hasErrors()).isFalse();
    }

    @Test
    void aTableAnEarlierPendingMigrationChangesIsNotCounted() throws Exception {
        base(USERS, THOUSAND);
        write("0002_add_age.sql", "ALTER TABLE users ADD COLUMN age INTEGER;\n");
        write("0003_email_required.sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
        LintReport r = withDb();
        assertThat(r.linted()).containsExactly("0002_add_age.sql", "0003_email_required.sql");
        LintIssue i = only(r, "not-null");
        assertThat(i.file()).isEqualTo("0003_email_required.sql");
        assertThat(i.severity()).isEqualTo(Severity.WARNING);
        assertThat(i.message()).contains("MAY fail");
    }

    @Test
    void theDatabaseIsNeverWritten() throws Exception {
        base(USERS, THOUSAND);
        write("0002_email_required.sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
        byte[] before = Files.readAllBytes(db);
        withDb();
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aMigrationOnATableAnEarlierPendingMigrationCreatesIsLintedWithoutItsRows() throws Exception {
        // from scratch: the table does not exist in the database yet, so there are no rows to count for it
        write("0001_users.sql", USERS);
        write("0002_index.sql", "CREATE UNIQUE INDEX users_email ON users (email);\n");
        LiteShift.configure().migrations(migrations).load().hash();
        sql("PRAGMA user_version = 7;\n"); // the file exists, with no table of the user's (migrate refuses one it would not own)
        LintReport r = withDb();
        assertThat(r.hasErrors()).as(r.issues().toString()).isFalse();
        assertThat(only(r, "unique").severity()).as("what MAY fail, not a count").isEqualTo(Severity.WARNING);
        assertThat(LiteShift.configure().database(db.toString()).migrations(migrations).load().migrate().applied()).hasSize(2);
    }
}
