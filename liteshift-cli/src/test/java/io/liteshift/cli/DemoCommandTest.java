package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoCommandTest extends InTemporaryWorkingDirectory {
    private static final Pattern ROOT = Pattern.compile("on a throwaway database in (\\S+)");
    /** The runbook's sections in the order the demo walks them. */
    private static final List<String> STEPS = List.of("§0 A throwaway project", "§1 Edit the schema: schema.sql, version 1",
            "§2 Generate the migration", "§8 Deploy: migrate creates data/app.db", "§5 Seed data", "§1 Edit the schema: schema.sql, version 2",
            "§2 Generate the migration", "§3 Review: lint the pending migration against the rows", "§3 Review: edit the migration",
            "§4 Test locally: rehearse", "§6 Commit", "§7 Back up", "§8 Deploy: migrate (lint runs first)", "§9 Verify",
            "§10 Schema rollback", "§10 Data rollback", "§8 Redeploy");

    @Test
    void walksTheRunbookChecksEveryStepAndDeletesItsDirectory() {
        Cli.Result r = Cli.run("demo");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertInOrder(r.out(), STEPS);
        // each step's time
        assertThat(r.out()).containsPattern("\\n§9 Verify: rows intact[^\\n]* +\\d+ ms\\n");
        // the SQL it generated; lint's error before the hand edit, none after it
        assertThat(r.out()).contains("| CREATE TABLE \"_liteshift_new_users\" (", "|   SELECT id, user_id, title, body FROM posts;",
                "error [not-null] new column posts.slug is NOT NULL without a DEFAULT, and the table has 2,000 rows",
                "+   SELECT id, user_id, title, lower(replace(title, ' ', '-')) || '-' || id, body FROM posts;",
                "0 error(s), 0 warning(s), 2 note(s)", "Rehearsal passed: 1 migration(s)");
        // every row and value through the rebuild of two parent tables, their CASCADE children included
        assertThat(r.out()).containsPattern("comments +10,000 +10,000  same values\\n")
                .containsPattern("posts +2,000 +2,000  same values; new column slug\\n")
                .containsPattern("users +500 +500  same values\\n")
                .containsPattern("liteshift_migrations +1 +2  the journal: 1 more\\n")
                .contains("posts.slug filled from the title in 2,000 of 2,000 posts", "'USER1@EXAMPLE.COM' finds 1 user",
                        "PRAGMA integrity_check: ok", "PRAGMA foreign_key_check: no rows", "0003_revert_to_0001.sql")
                .containsPattern("posts +2,000 +2,000  same values; dropped column slug\\n");
        // the data rollback: the bad write's cascade, then every row as it was when the backup was taken
        assertThat(r.out()).contains("ON DELETE CASCADE deletes 4 posts and 40 comments", "the 4 posts and 40 comments the bad write deleted are back")
                .containsPattern("comments +10,000 +10,000  same rows\\n")
                .containsPattern("liteshift_migrations +1 +1  same rows\\n")
                .contains("pending: [0002_email_nocase_post_slugs.sql, 0003_revert_to_0001.sql]")
                .containsPattern("Done: 17 steps in \\d+\\.\\d s, every check passed\\.");
        assertThat(root(r)).doesNotExist();
    }

    @Test
    void dirKeepsAProjectWhoseDatabaseHoldsEveryRowAndTheWholeJournal() {
        Cli.Result r = Cli.run("demo", "--dir", "demo");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path root = dir.resolve("demo");
        assertThat(root(r)).isEqualTo(root);
        assertThat(r.out()).contains("The demo project is kept in " + root, "  cd " + root, "  liteshift status");
        Path db = root.resolve("data/app.db");
        assertThat(TestDb.count(db, "users")).isEqualTo(500);
        assertThat(TestDb.count(db, "posts")).isEqualTo(2000);
        assertThat(TestDb.count(db, "comments")).isEqualTo(10_000);
        assertThat(TestDb.column(db, "SELECT email FROM users WHERE id = 7")).containsExactly("user7@example.com");
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM comments WHERE user_id = 1 OR post_id IN (SELECT id FROM posts WHERE user_id = 1)"))
                .as("user 1's comments and the comments on their posts, deleted by the bad write and restored").isEqualTo(40);
        assertThat(TestDb.sound(db)).isTrue();
        // restored from the backup taken at 0001, then 0002 and 0003 applied again: the schema is version 1's
        assertThat(TestDb.column(db, "SELECT version || ' ' || name FROM liteshift_migrations ORDER BY version"))
                .containsExactly("1 create_blog", "2 email_nocase_post_slugs", "3 revert_to_0001");
        assertThat(TestDb.column(db, "SELECT name FROM pragma_table_info('posts')")).containsExactly("id", "user_id", "title", "body");
        assertThat(TestDb.column(db, "SELECT name FROM liteshift_seeds")).containsExactly("0001_demo_rows.sql");
        assertThat(root.resolve("migrations/0002_email_nocase_post_slugs.sql")).content().contains(Demo.EDITED_COPY);
        assertThat(root.resolve("backups")).isDirectoryContaining("glob:**/app-*-v0001.sqlite");
        assertThat(root.resolve("data")).isDirectoryContaining("glob:**/app.db.replaced-*");

        // the commands it prints work on what it left
        Cli.Result status = Cli.run("status", "--config", root.resolve("liteshift.toml").toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Up to date at 0003.");
        Cli.Result verify = Cli.run("verify", "--config", root.resolve("liteshift.toml").toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    void keepKeepsTheTemporaryDirectory() throws IOException {
        Cli.Result r = Cli.run("demo", "--keep");
        Path root = root(r);
        try {
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("The demo project is kept in " + root);
            assertThat(TestDb.count(root.resolve("data/app.db"), "comments")).isEqualTo(10_000);
            assertThat(TestDb.sound(root.resolve("data/app.db"))).isTrue();
        } finally {
            deleteTree(root);
        }
    }

    @Test
    void refusesADirThatHoldsFilesAndLeavesThemAlone() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine");

        Cli.Result r = Cli.run("demo", "--dir", "mine");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--dir " + mine + " exists and is not an empty directory");
        CliAssertions.assertNoStackTrace(r);
        try (Stream<Path> files = Files.list(mine)) {
            assertThat(files.toList()).containsExactly(mine.resolve("notes.txt"));
        }
    }

    /**
     * The check the demo makes after every migration, on the failure it exists for: a parent table rebuilt with
     * foreign keys on (drizzle-kit's PRAGMA foreign_keys = OFF inside the transaction, which SQLite ignores), so
     * dropping the old table cascades into the children.
     */
    @Test
    void aRebuildThatLosesCascadeChildrenFailsTheCheckNamingTheTable() throws IOException, SQLException {
        Path db = TestDb.exec(dir.resolve("app.db"), Demo.resource("schema-v1.sql") + Demo.resource("seed.sql"));
        Map<String, TableRows> before = census(db);
        TestDb.exec(db, "PRAGMA foreign_keys = ON; BEGIN; PRAGMA foreign_keys = OFF;"
                + " CREATE TABLE new_users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,"
                + " created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);"
                + " INSERT INTO new_users SELECT * FROM users; DROP TABLE users; ALTER TABLE new_users RENAME TO users; COMMIT;");
        assertThat(TestDb.count(db, "comments")).as("the rebuild above really loses the children").isZero();
        StringWriter printed = new StringWriter();

        assertThatThrownBy(() -> DemoDatabase.requireIntact(before, census(db), 0, new PrintWriter(printed, true)))
                .isInstanceOf(DemoFailure.class)
                .hasMessage("comments has 0 rows after this step and had 10000 before it: rows were lost");
        assertThat(printed.toString()).containsPattern("comments +10,000 +0  ROWS LOST OR ADDED");
    }

    @Test
    void aValueChangedInPlaceFailsTheCheckNamingTheColumn() throws IOException, SQLException {
        Path db = TestDb.exec(dir.resolve("app.db"), Demo.resource("schema-v1.sql") + Demo.resource("seed.sql"));
        Map<String, TableRows> before = census(db);
        TestDb.exec(db, "UPDATE comments SET body = 'edited' WHERE id = 17");

        assertThatThrownBy(() -> DemoDatabase.requireIntact(before, census(db), 0, new PrintWriter(new StringWriter(), true)))
                .isInstanceOf(DemoFailure.class).hasMessage("comments holds other values than before this step in [body]");
    }

    @Test
    void aFailingStepIsPrintedAsFailedAndNamedWithTheExitCodeOfItsCause() {
        StringWriter printed = new StringWriter();
        Demo demo = new Demo(dir, new PrintWriter(printed, true));

        assertThatThrownBy(() -> demo.step("§9 Verify", w -> {
            w.println("comments lost rows");
            throw DemoFailure.check("comments has 0 rows");
        })).isInstanceOfSatisfying(DemoFailure.class, f -> {
            assertThat(f.step).isEqualTo("§9 Verify");
            assertThat(f.exitCode).isEqualTo(Main.FAILED);
        });
        assertThat(printed.toString()).containsPattern("§9 Verify +FAILED\\n    comments lost rows\\n");

        // a liteshift refusal inside a step keeps its exit code: here a database that does not exist (usage, 2)
        assertThatThrownBy(() -> demo.step("§8 Deploy", w -> LiteShift.configure().database(dir.resolve("missing.db").toString())
                .migrations(dir).load().migrate())).isInstanceOfSatisfying(DemoFailure.class, f -> {
            assertThat(f.step).isEqualTo("§8 Deploy");
            assertThat(f.exitCode).isEqualTo(Main.USAGE);
            assertThat(f.getMessage()).contains("missing.db");
        });
    }

    private static Map<String, TableRows> census(Path db) throws SQLException {
        try (Connection c = TableRows.open(db)) {
            return TableRows.of(c);
        }
    }

    private static void assertInOrder(String out, List<String> steps) {
        int from = 0;
        for (String s : steps) {
            int at = out.indexOf("\n" + s, from);
            assertThat(at).as("step '" + s + "' after position " + from + " in\n" + out).isGreaterThanOrEqualTo(0);
            from = at + 1;
        }
    }

    private static Path root(Cli.Result r) {
        Matcher m = ROOT.matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return Path.of(m.group(1));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
