package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PushCommandTest {

    static final String V1 = """
            CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT);
            CREATE TABLE book (
              id INTEGER PRIMARY KEY,
              author_id INTEGER NOT NULL REFERENCES author(id) ON DELETE CASCADE,
              title TEXT NOT NULL,
              notes TEXT
            );
            """;

    static final String ROWS = """
            INSERT INTO author VALUES (1, 'Ann', 'NO'), (2, 'Bo', NULL), (3, 'Cy', NULL), (4, 'Di', NULL);
            INSERT INTO book VALUES (10, 1, 'North', 'n1'), (11, 1, 'South', NULL), (12, 2, 'East', 'e'), (13, 4, 'West', NULL);
            """;

    /** Adds a table and an index: nothing is lost, nothing to check. */
    static final String V2 = V1 + """
            CREATE TABLE review (id INTEGER PRIMARY KEY, book_id INTEGER REFERENCES book(id), stars INTEGER);
            CREATE INDEX book_by_author ON book(author_id);
            """;

    @TempDir
    Path dir;
    Path db;
    Path v2;

    @BeforeEach
    void populatedDatabase() {
        db = TestDb.exec(dir.resolve("app.db"), V1 + ROWS);
        v2 = TestDb.writeSchema(dir.resolve("v2.sql"), V2);
    }

    @Test
    void pushAppliesTheSchemaKeepingRowsAndASecondPushHasNothingToDo() {
        Cli.Result first = Cli.run("push", "--db", db.toString(), "--schema", v2.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("CREATE TABLE review").contains("Applied");
        assertThat(TestDb.count(db, "author")).isEqualTo(4);
        assertThat(TestDb.count(db, "book")).isEqualTo(4);
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'book_by_author'")).hasSize(1);
        assertThat(TestDb.sound(db)).isTrue();
        String afterFirst = TestDb.dump(db);

        Cli.Result second = Cli.run("push", "--db", db.toString(), "--schema", v2.toString());

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Nothing to do");
        assertThat(TestDb.dump(db)).isEqualTo(afterFirst);
        assertThat(Cli.run("diff", "--from", db.toString(), "--to", v2.toString()).out()).isEmpty();
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        String before = TestDb.dump(db);
        byte[] bytes = Files.readAllBytes(db);

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", v2.toString(), "--dry-run");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("CREATE TABLE review").contains("Dry run").doesNotContain("Applied");
        assertThat(TestDb.dump(db)).isEqualTo(before);
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    }

    @Test
    void dryRunShowsWhatWouldBeDestroyedWithoutYesAndChangesNothing() {
        String before = TestDb.dump(db);
        Path withoutNotes = TestDb.writeSchema(dir.resolve("v2.sql"), V1.replace(",\n  notes TEXT", ""));

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", withoutNotes.toString(), "--dry-run");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("destroys: ").contains("book.notes").contains("Dry run");
        assertThat(TestDb.dump(db)).isEqualTo(before);
    }

    @Test
    void dryRunRefusesRowsThatCannotTakeTheSchema() {
        String before = TestDb.dump(db);
        Path strict = TestDb.writeSchema(dir.resolve("strict.sql"), V1.replace("country TEXT", "country TEXT NOT NULL"));

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", strict.toString(), "--dry-run");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("author.country");
        assertThat(TestDb.dump(db)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:", "jdbc:sqlite:", "jdbc:sqlite:file:"})
    void databaseUrlsNameTheFile(String prefix) {
        Cli.Result r = Cli.run("push", "--db", prefix + db.toAbsolutePath(), "--schema", v2.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema WHERE name = 'review'")).containsExactly("review");
        assertThat(TestDb.count(db, "book")).isEqualTo(4);
    }

    @Test
    void aMissingDatabaseIsRefusedWithItsPathAndNotCreated() {
        Path missing = dir.resolve("typo").resolve("app.db");

        Cli.Result r = Cli.run("push", "--db", missing.toString(), "--schema", v2.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(missing.toAbsolutePath().toString()).contains("--create");
        assertThat(Files.exists(missing)).isFalse();
        assertThat(Files.exists(missing.getParent())).isFalse();
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void createMakesANewDatabaseWithTheDeclaredSchema() {
        Path fresh = dir.resolve("fresh.db");

        Cli.Result r = Cli.run("push", "--db", fresh.toString(), "--schema", v2.toString(), "--create");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.exists(fresh)).isTrue();
        assertThat(TestDb.column(fresh, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))
                .containsExactly("author", "book", "review");
        assertThat(Cli.run("diff", "--from", fresh.toString(), "--to", v2.toString()).out()).isEmpty();
    }

    @Test
    void aSchemaWithASyntaxErrorIsRefusedNamingFileAndLineAndTheDatabaseIsUnchanged() {
        String before = TestDb.dump(db);
        Path bad = TestDb.writeSchema(dir.resolve("bad.sql"), V1 + "\nCREATE TABLE review (id INTEGER PRIMARY KEY stars INTEGER);\n");

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", bad.toString());

        int badLine = (int) (V1 + "\n").lines().count() + 1;
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":" + badLine + ":");
        assertThat(TestDb.dump(db)).isEqualTo(before);
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void droppingAColumnWithDataIsRefusedWithoutYes() {
        String before = TestDb.dump(db);
        Path withoutNotes = TestDb.writeSchema(dir.resolve("v2.sql"), V1.replace(",\n  notes TEXT", ""));

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", withoutNotes.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("book.notes").contains("2 values").contains("--yes").contains("@renamed from=notes");
        assertThat(r.out()).isEmpty();
        assertThat(TestDb.dump(db)).isEqualTo(before);
        CliAssertions.assertNoStackTrace(r);

        Cli.Result confirmed = Cli.run("push", "--db", db.toString(), "--schema", withoutNotes.toString(), "--yes");

        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("destroys: ");
        assertThat(TestDb.column(db, "SELECT name FROM pragma_table_info('book')")).containsExactly("id", "author_id", "title");
        assertThat(TestDb.count(db, "book")).isEqualTo(4);
        assertThat(TestDb.sound(db)).isTrue();
    }

    @Test
    void droppingATableWithRowsIsRefusedWithoutYes() {
        TestDb.exec(db, "CREATE TABLE audit (at TEXT); INSERT INTO audit VALUES ('x'), ('y');");
        String before = TestDb.dump(db);
        Path v1 = TestDb.writeSchema(dir.resolve("v1.sql"), V1);

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", v1.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("table audit").contains("2 rows");
        assertThat(TestDb.dump(db)).isEqualTo(before);
    }

    @Test
    void aRenameHintKeepsTheColumnsValues() {
        Path renamed = TestDb.writeSchema(dir.resolve("renamed.sql"), V1.replace("  notes TEXT\n", "  remarks TEXT -- @renamed from=notes\n"));

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", renamed.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT remarks FROM book ORDER BY id")).containsExactly("n1", null, "e", null);
    }

    @Test
    void aRenameHintWithNothingToRenameIsRefusedNamingItsLineAndNothingIsChanged() throws Exception {
        Path hinted = TestDb.writeSchema(dir.resolve("hinted.sql"),
                V1.replace("  notes TEXT\n", "  notes TEXT,\n  remarks TEXT -- @renamed from=nowhere\n"));
        byte[] bytes = Files.readAllBytes(db);

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", hinted.toString(), "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("liteshift: " + hinted + ":7: the rename hint '-- @renamed from=nowhere' was taken as a"
                + " rename of column book.remarks from nowhere, but there is no column nowhere")
                .contains("Check the old name, or delete the hint.").endsWith("Nothing was changed.\n");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
        assertThat(TestDb.column(db, "SELECT notes FROM book ORDER BY id")).containsExactly("n1", null, "e", null);
    }

    @Test
    void rowsThatCannotTakeTheSchemaAreRefusedWithTheirCount() {
        String before = TestDb.dump(db);
        Path strict = TestDb.writeSchema(dir.resolve("strict.sql"), V1.replace("country TEXT", "country TEXT NOT NULL"));

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", strict.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("author.country").contains("3 of 4 rows").contains("Nothing was changed");
        assertThat(TestDb.dump(db)).isEqualTo(before);
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void aDefaultFillsTheNullsOfAColumnThatBecomesNotNull() {
        Path filled = TestDb.writeSchema(dir.resolve("filled.sql"), V1.replace("country TEXT", "country TEXT NOT NULL DEFAULT 'unknown'"));

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", filled.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("note: ").contains("3 rows");
        assertThat(TestDb.column(db, "SELECT country FROM author ORDER BY id")).containsExactly("NO", "unknown", "unknown", "unknown");
        assertThat(TestDb.count(db, "book")).isEqualTo(4);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path strict = TestDb.writeSchema(dir.resolve("strict.sql"), V1.replace("country TEXT", "country TEXT NOT NULL"));

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", strict.toString(), "--verbose");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).startsWith("liteshift: refused").contains("\tat io.liteshift.");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", v2.toString(), "--force");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--force");
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema WHERE name = 'review'")).isEmpty();
    }
}
