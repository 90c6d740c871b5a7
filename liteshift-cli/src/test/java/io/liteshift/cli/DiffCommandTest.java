package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {

    static final String V1 = """
            CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE book (
              id INTEGER PRIMARY KEY,
              author_id INTEGER NOT NULL REFERENCES author(id) ON DELETE CASCADE,
              title TEXT NOT NULL
            );
            CREATE INDEX book_by_author ON book(author_id);
            """;

    /** V1 as someone else would type it: other case, quoting, spacing, comments and statement order. */
    static final String V1_RESPELLED = """
            -- the same schema, written differently
            create table "book" ("id" integer primary key,
                author_id integer not null references AUTHOR (id) on delete cascade,
                TITLE text not null);
            create table Author (
                id   INTEGER PRIMARY KEY,
                name TEXT    NOT NULL
            );
            create index BOOK_BY_AUTHOR on book (author_id);
            """;

    static final String V2 = V1 + "CREATE TABLE tag (book_id INTEGER REFERENCES book(id), label TEXT NOT NULL);\n";

    @TempDir
    Path dir;

    @Test
    void databaseAgainstTheSchemaItWasMadeFromPrintsNothing() {
        Path db = TestDb.exec(dir.resolve("app.db"), V1 + "INSERT INTO author VALUES (1, 'Ann');");
        Path schema = TestDb.writeSchema(dir.resolve("schema.sql"), V1);

        Cli.Result r = Cli.run("diff", "--from", db.toString(), "--to", schema.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theSameSchemaSpelledDifferentlyPrintsNothing() {
        Path a = TestDb.writeSchema(dir.resolve("a.sql"), V1);
        Path b = TestDb.writeSchema(dir.resolve("b.sql"), V1_RESPELLED);

        Cli.Result r = Cli.run("diff", "--from", a.toString(), "--to", b.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void schemaAgainstSchemaPrintsThePlanAndTheReversePlan() {
        Path v1 = TestDb.writeSchema(dir.resolve("v1.sql"), V1);
        Path v2 = TestDb.writeSchema(dir.resolve("v2.sql"), V2);

        Cli.Result forward = Cli.run("diff", "--from", v1.toString(), "--to", v2.toString());
        Cli.Result backward = Cli.run("diff", "--from", v2.toString(), "--to", v1.toString());

        assertThat(forward.exitCode()).as(forward.toString()).isZero();
        assertThat(forward.out()).contains("create table tag").contains("CREATE TABLE tag").doesNotContain("DROP TABLE");
        assertThat(backward.exitCode()).as(backward.toString()).isZero();
        assertThat(backward.out()).contains("drop table tag").contains("DROP TABLE tag").doesNotContain("CREATE TABLE tag");
    }

    @Test
    void databaseAgainstDatabaseComparesTheirSchemasAndChangesNeither() {
        Path old = TestDb.exec(dir.resolve("old.db"), V1 + "INSERT INTO author VALUES (1, 'Ann');");
        Path now = TestDb.exec(dir.resolve("new.db"), V2);
        String oldDump = TestDb.dump(old);
        String newDump = TestDb.dump(now);

        Cli.Result r = Cli.run("diff", "--from", old.toString(), "--to", "file:" + now);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("CREATE TABLE tag");
        assertThat(TestDb.dump(old)).isEqualTo(oldDump);
        assertThat(TestDb.dump(now)).isEqualTo(newDump);
    }

    @Test
    void thePrintedPlanIsAScriptThatBringsTheDatabaseToTheSchema() {
        Path db = TestDb.exec(dir.resolve("app.db"), V1 + "INSERT INTO author VALUES (1, 'Ann'); INSERT INTO book VALUES (7, 1, 'Notes');");
        Path v2 = TestDb.writeSchema(dir.resolve("v2.sql"), V2);

        String plan = Cli.run("diff", "--from", db.toString(), "--to", v2.toString()).out();
        TestDb.exec(db, plan);

        assertThat(Cli.run("diff", "--from", db.toString(), "--to", v2.toString()).out()).isEmpty();
        assertThat(TestDb.column(db, "SELECT title FROM book")).containsExactly("Notes");
    }

    @Test
    void aSchemaFileWithASyntaxErrorIsRefusedNamingFileAndLine() {
        Path good = TestDb.writeSchema(dir.resolve("good.sql"), V1);
        Path bad = TestDb.writeSchema(dir.resolve("bad.sql"), """
                CREATE TABLE author (id INTEGER PRIMARY KEY);

                CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL,);
                """);

        Cli.Result r = Cli.run("diff", "--from", good.toString(), "--to", bad.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad + ":3").contains("syntax error");
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void aMissingSchemaFileIsAUsageError() {
        Path v1 = TestDb.writeSchema(dir.resolve("v1.sql"), V1);
        Path missing = dir.resolve("nope.sql");

        Cli.Result r = Cli.run("diff", "--from", v1.toString(), "--to", missing.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(missing.toString());
        assertThat(Files.exists(missing)).isFalse();
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void aMissingDatabaseIsAUsageErrorAndIsNotCreated() {
        Path v1 = TestDb.writeSchema(dir.resolve("v1.sql"), V1);
        Path missing = dir.resolve("nope.db");

        Cli.Result r = Cli.run("diff", "--from", missing.toString(), "--to", v1.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(missing.toString());
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aFileThatIsNotADatabaseIsDamagedAsForEveryCommand() throws Exception {
        Path notDb = Files.writeString(dir.resolve("notes.db"), "these are not the tables you are looking for\n".repeat(20));
        Path v1 = TestDb.writeSchema(dir.resolve("v1.sql"), V1);

        Cli.Result r = Cli.run("diff", "--from", notDb.toString(), "--to", v1.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(r.err()).contains(notDb.getFileName().toString()).contains("not a database").contains("Nothing was changed.");
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void missingOptionsAreAUsageErrorWithTheUsage() {
        Cli.Result r = Cli.run("diff", "--from", "a.sql");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--to").contains("Usage:");
    }
}
