package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a declared schema may do, through the command line: it is evaluated in a sandbox (the issue's ATTACH + DELETE
 * reproduction against push --dry-run, diff, generate and verify), its rename hints bind to their lines and an
 * unusable one is refused, and a schema SQLite would accept but cannot use (a dangling foreign key, bytes that are not
 * UTF-8) is refused with file:line. Every refusal exits 2 and leaves the database byte-identical.
 */
class DeclaredSchemaCommandsTest {
    @TempDir
    Path dir;
    Path prod;
    byte[] prodBytes;

    static final String ISSUE_SCHEMA = "ATTACH DATABASE 'prod.db' AS p;\nDELETE FROM p.t;\nCREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);\n";

    @BeforeEach
    void productionDatabase() throws Exception {
        prod = TestDb.exec(dir.resolve("prod.db"), "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1,'a'),(2,'b');");
        prodBytes = Files.readAllBytes(prod);
    }

    private void assertProdUntouched() throws Exception {
        assertThat(Files.readAllBytes(prod)).isEqualTo(prodBytes);
        assertThat(dir.resolve("prod.db-journal")).doesNotExist();
        assertThat(dir.resolve("prod.db-wal")).doesNotExist();
        assertThat(TestDb.count(prod, "t")).isEqualTo(2);
    }

    private static void assertRefusedAsInvalidInput(Cli.Result r, String... messages) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(messages);
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void theIssuesReproductionAsTypedInAShellIsRefusedAndProdKeepsItsRows() throws Exception {
        Path schema = TestDb.writeSchema(dir.resolve("schema.sql"), ISSUE_SCHEMA);
        Path output = Files.createDirectory(dir.resolve("output"));

        // a real process whose working directory holds prod.db, so that ATTACH 'prod.db' names it
        Cli.Result r = ChildJvm.run(dir, output, null, "push", "--db", "prod.db", "--schema", "schema.sql", "--dry-run");

        assertRefusedAsInvalidInput(r, "schema.sql:1: ATTACH is not allowed in a declared schema",
                "schema.sql:2: DELETE is not allowed in a declared schema", "nothing was changed.");
        assertThat(r.out()).doesNotContain("Nothing to do");
        assertProdUntouched();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("prod.db", "schema.sql", "output");
        }
        assertThat(schema).exists();
    }

    @Test
    void diffGenerateVerifyAndPushRefuseTheSameSchema() throws Exception {
        Path migrations = dir.resolve("migrations");
        Path clean = TestDb.writeSchema(dir.resolve("clean.sql"), "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);\n");
        assertThat(Cli.run("generate", "--dir", migrations.toString(), "--schema", clean.toString(), "--name", "init").exitCode()).isZero();
        List<String> migrationFiles = files(migrations);
        Path schema = TestDb.writeSchema(dir.resolve("schema.sql"), ISSUE_SCHEMA.replace("'prod.db'", "'" + prod + "'"));
        String[] why = {schema + ":1: ATTACH is not allowed", schema + ":2: DELETE is not allowed"};

        assertRefusedAsInvalidInput(Cli.run("diff", "--from", prod.toString(), "--to", schema.toString()), why);
        assertRefusedAsInvalidInput(Cli.run("push", "--db", prod.toString(), "--schema", schema.toString(), "--dry-run"), why);
        assertRefusedAsInvalidInput(Cli.run("push", "--db", prod.toString(), "--schema", schema.toString(), "--yes"), why);
        assertRefusedAsInvalidInput(Cli.run("generate", "--dir", migrations.toString(), "--schema", schema.toString()), why);
        assertRefusedAsInvalidInput(Cli.run("verify", "--dir", migrations.toString(), "--schema", schema.toString()), why);

        assertProdUntouched();
        assertThat(files(migrations)).isEqualTo(migrationFiles);
    }

    @Test
    void aRenameHintOnTheShellsLastLineKeepsTheValuesAndAnUnusableOneIsRefusedByPushDiffAndGenerate() throws Exception {
        Path db = TestDb.exec(dir.resolve("app.db"), "CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT\n);"
                + " ALTER TABLE users ADD COLUMN key TEXT; INSERT INTO users VALUES (1, 'ann', 'k1'), (2, 'bo', 'k2');");
        String shellStyle = "CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT\n, akey TEXT); -- @renamed from=%s\n"
                + "CREATE TABLE other (id INTEGER PRIMARY KEY);\n";
        Path typo = TestDb.writeSchema(dir.resolve("typo.sql"), shellStyle.formatted("kee"));
        byte[] before = Files.readAllBytes(db);
        String why = typo + ":4: the rename hint '-- @renamed from=kee' was taken as a rename of column users.akey from kee";

        assertRefusedAsInvalidInput(Cli.run("push", "--db", db.toString(), "--schema", typo.toString(), "--yes"), why);
        assertRefusedAsInvalidInput(Cli.run("diff", "--from", db.toString(), "--to", typo.toString()), why);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);

        Path good = TestDb.writeSchema(dir.resolve("good.sql"), shellStyle.formatted("key"));
        Cli.Result pushed = Cli.run("push", "--db", db.toString(), "--schema", good.toString(), "--yes");
        assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
        assertThat(pushed.out()).contains("ALTER TABLE users RENAME COLUMN \"key\" TO akey;").doesNotContain("destroys");
        assertThat(TestDb.column(db, "SELECT akey FROM users ORDER BY id")).containsExactly("k1", "k2");
        assertThat(TestDb.sound(db)).isTrue();

        Path migrations = dir.resolve("migrations");
        Path v1 = TestDb.writeSchema(dir.resolve("v1.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, key TEXT);\n");
        assertThat(Cli.run("generate", "--dir", migrations.toString(), "--schema", v1.toString(), "--name", "init").exitCode()).isZero();
        List<String> written = files(migrations);
        assertRefusedAsInvalidInput(Cli.run("generate", "--dir", migrations.toString(), "--schema", typo.toString()), why);
        assertThat(files(migrations)).isEqualTo(written);
    }

    @Test
    void aForeignKeyToAnUndeclaredTableIsRefusedAtItsLine() throws Exception {
        Path db = TestDb.exec(dir.resolve("app.db"), "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        byte[] before = Files.readAllBytes(db);
        Path schema = TestDb.writeSchema(dir.resolve("schema.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE posts (\n  id INTEGER PRIMARY KEY,\n  author INTEGER REFERENCES author(id)\n);\n");

        assertRefusedAsInvalidInput(Cli.run("push", "--db", db.toString(), "--schema", schema.toString()),
                schema + ":4: table posts, FOREIGN KEY (author) references table author, which is not declared."
                        + " Declare table author in the schema, or fix the name (declared: users, posts).");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aSchemaFileAndAMigrationThatAreNotUtf8NameTheirLineAndByteOffset() throws Exception {
        Path db = TestDb.exec(dir.resolve("app.db"), "CREATE TABLE t (id INTEGER PRIMARY KEY);");
        byte[] before = Files.readAllBytes(db);
        byte[] latin1 = "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  name TEXT DEFAULT 'Jos\u00e9'\n);\n".getBytes(StandardCharsets.ISO_8859_1);
        Path schema = Files.write(dir.resolve("schema.sql"), latin1);

        assertRefusedAsInvalidInput(Cli.run("push", "--db", db.toString(), "--schema", schema.toString()),
                schema + ":3: not valid UTF-8 at byte offset 67 (byte 25 of the line: 0xE9");

        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        Files.write(migrations.resolve("0001_init.sql"), latin1);
        Cli.Result migrate = Cli.run("migrate", "--db", db.toString(), "--dir", migrations.toString());
        assertRefusedAsInvalidInput(migrate, migrations + "/0001_init.sql:3: not valid UTF-8 at byte offset 67");
        assertThat(migrate.err()).doesNotContain("Input length");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
