package io.liteshift.inspect;

import io.liteshift.DirectoryState;
import io.liteshift.LiteShiftException;
import io.liteshift.schema.Table;
import io.liteshift.sql.Sandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A declared schema reaches no file: what it may hold is decided before anything runs, and SQLite enforces the rest. */
class DeclaredSchemaSandboxTest {

    @TempDir
    Path dir;
    Path prod;

    @BeforeEach
    void productionDatabaseNextToTheSchema() throws SQLException {
        prod = dir.resolve("prod.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + prod); var s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1,'a'),(2,'b')");
        }
    }

    private LiteShiftException refused(String schema) throws IOException {
        Path file = Files.writeString(dir.resolve("schema.sql"), schema);
        DirectoryState before = DirectoryState.of(dir);
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, () -> DeclaredSchema.load(file));
        assertThat(e).as("loading must be refused:\n" + schema).isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(DirectoryState.of(dir)).as("no file changed or appeared").isEqualTo(before);
        return e;
    }

    private long prodRows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + prod); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
            return rs.getLong(1);
        }
    }

    @Test
    void theIssuesReproductionIsRefusedBeforeAnythingRunsAndProductionKeepsItsRows() throws Exception {
        LiteShiftException e = refused("ATTACH DATABASE '" + prod + "' AS p;\nDELETE FROM p.t;\nCREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);\n");

        assertThat(e.getMessage()).contains("schema.sql:1: ATTACH is not allowed in a declared schema: it would open (or close)"
                        + " another database file", "\n    ATTACH DATABASE '" + prod + "' AS p\n",
                "schema.sql:2: DELETE is not allowed in a declared schema", "\n    DELETE FROM p.t\n",
                "A declared schema may contain only CREATE TABLE, INDEX, VIEW, TRIGGER and VIRTUAL TABLE statements")
                .endsWith("Fix the statements in the schema file; nothing was changed.");
        assertThat(prodRows()).isEqualTo(2);
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("attach 'other.db' as o", "ATTACH is not allowed"),
                Arguments.of("DETACH DATABASE o", "DETACH is not allowed"),
                Arguments.of("VACUUM", "VACUUM is not allowed"),
                Arguments.of("vacuum into 'copy.db'", "VACUUM is not allowed"),
                Arguments.of("PRAGMA journal_mode = WAL", "PRAGMA is not allowed"),
                Arguments.of("PRAGMA foreign_keys = ON; PRAGMA main.foreign_keys = ON", "PRAGMA is not allowed"),
                Arguments.of("INSERT INTO a VALUES (1)", "INSERT is not allowed"),
                Arguments.of("REPLACE INTO a VALUES (1)", "REPLACE is not allowed"),
                Arguments.of("UPDATE a SET x = 1", "UPDATE is not allowed"),
                Arguments.of("DELETE FROM a", "DELETE is not allowed"),
                Arguments.of("SELECT * FROM a", "SELECT is not allowed"),
                Arguments.of("WITH q AS (SELECT 1) SELECT * FROM q", "WITH is not allowed"),
                Arguments.of("ALTER TABLE a ADD COLUMN y", "ALTER is not allowed"),
                Arguments.of("DROP TABLE a", "DROP is not allowed"),
                Arguments.of("ANALYZE", "ANALYZE is not allowed"),
                Arguments.of("REINDEX a", "REINDEX is not allowed"),
                Arguments.of("backup to 'copy.db'", "BACKUP is not allowed"),
                Arguments.of("restore from 'copy.db'", "RESTORE is not allowed"),
                Arguments.of("CREATE VIEW v AS SELECT load_extension('evil')", "load_extension() is not allowed"),
                Arguments.of("CREATE TABLE b (x CHECK (\"LOAD_EXTENSION\"('evil') IS NULL))", "load_extension() is not allowed"),
                Arguments.of("CREATE TEMP TABLE b (x)", "CREATE TEMP is not allowed"),
                Arguments.of("CREATE TEMPORARY VIEW v AS SELECT 1", "CREATE TEMPORARY is not allowed"),
                Arguments.of("CREATE TABLE temp.b (x)", "temp.b is not allowed"),
                Arguments.of("CREATE TABLE \"p\".\"b\" (x)", "\"p\".\"b\" is not allowed in a declared schema: it names the database \"p\""),
                Arguments.of("CREATE INDEX other.i ON a (x)", "other.i is not allowed"),
                Arguments.of("CREATE TABLE IF NOT EXISTS a (x, y)", "a second declaration of a is not allowed in a declared schema:"
                        + " it is declared first at " + "%s:1"),
                Arguments.of("CREATE SEQUENCE s", "CREATE SEQUENCE declares nothing SQLite knows"));
    }

    @ParameterizedTest
    @MethodSource("forbidden")
    void everyStatementThatDeclaresNothingIsRefusedAtItsLine(String statement, String why) throws Exception {
        String file = dir.resolve("schema.sql").toString();
        LiteShiftException e = refused("CREATE TABLE a (x);\n" + statement + ";\nCREATE TABLE c (z);\n");
        assertThat(e.getMessage()).startsWith(file + ":2: ").contains(why.formatted(file)).endsWith("nothing was changed.");
    }

    @Test
    void aStatementThatIsNotAllowedInATriggerBodyIsRefusedAtItsOwnLine() throws Exception {
        LiteShiftException e = refused("CREATE TABLE a (x);\nCREATE TRIGGER tr AFTER INSERT ON a\nBEGIN\n  SELECT 1;\n"
                + "  ATTACH 'other.db' AS o;\nEND;\n");
        assertThat(e.getMessage()).contains("schema.sql:5: ATTACH inside a trigger body is not allowed");
    }

    @Test
    void aTriggerOrAViewThatNamesAnotherSchemaIsRejectedBySqliteAtItsLine() throws Exception {
        assertThat(refused("CREATE TABLE a (x);\nCREATE TRIGGER tr AFTER INSERT ON a BEGIN\n  DELETE FROM p.t;\nEND;\n").getMessage())
                .contains("schema.sql:2: SQLite rejected this statement: qualified table names are not allowed on INSERT, UPDATE, and"
                        + " DELETE statements within triggers");
        assertThat(refused("CREATE TABLE a (x);\nCREATE VIEW v AS\n  SELECT * FROM temp.sqlite_temp_master;\n").getMessage())
                .contains("schema.sql:2: SQLite rejected this statement: view v cannot reference objects in database temp");
    }

    @Test
    void aDumpsTransactionLinesAndForeignKeysHeaderAndTheSchemaOutputOfTheShellLoad() throws Exception {
        String dump = "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(id integer primary key, v text);\nCOMMIT;\n";
        assertThat(DeclaredSchema.load(Files.writeString(dir.resolve("dump.sql"), dump)).schema().tables()).extracting(Table::name)
                .containsExactly("t");
        // sqlite3 .schema of a database with an FTS5 table and an AUTOINCREMENT table, as the shell prints it
        String schema = """
                CREATE TABLE t(id integer primary key, v text);
                CREATE VIRTUAL TABLE docs using fts5(body)
                /* docs(body) */;
                CREATE TABLE IF NOT EXISTS 'docs_data'(id INTEGER PRIMARY KEY, block BLOB);
                CREATE TABLE IF NOT EXISTS 'docs_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS 'docs_content'(id INTEGER PRIMARY KEY, c0);
                CREATE TABLE IF NOT EXISTS 'docs_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
                CREATE TABLE IF NOT EXISTS 'docs_config'(k PRIMARY KEY, v) WITHOUT ROWID;
                CREATE TABLE a(id integer primary key autoincrement, x);
                CREATE TABLE sqlite_sequence(name,seq);
                """;
        DeclaredSchema d = DeclaredSchema.load(Files.writeString(dir.resolve("shell.sql"), schema));
        assertThat(d.schema().tables()).extracting(Table::name).containsExactly("t", "a");
        assertThat(d.schema().virtualTables()).hasSize(1);
    }

    @Test
    void mainQualifiedNamesAreTheDatabaseItself() throws Exception {
        DeclaredSchema d = DeclaredSchema.load(Files.writeString(dir.resolve("schema.sql"),
                "CREATE TABLE main.a (x);\nCREATE INDEX \"MAIN\".a_x ON a (x);\nCREATE VIEW main.v AS SELECT x FROM a;\n"));
        assertThat(d.schema().tables()).extracting(Table::name).containsExactly("a");
        assertThat(d.schema().indexes()).hasSize(1);
        assertThat(d.schema().views()).hasSize(1);
    }

    @Test
    void everyRefusalOfAFileIsListedAtOnceAndLongListsAreCut() throws Exception {
        StringBuilder rows = new StringBuilder("CREATE TABLE a (x);\n");
        for (int i = 0; i < 25; i++) rows.append("INSERT INTO a VALUES (").append(i).append(");\n");
        LiteShiftException e = refused(rows.toString());
        assertThat(e.getMessage()).contains("schema.sql:2: INSERT", "schema.sql:11: INSERT", "(and 15 more statements like these)")
                .doesNotContain("schema.sql:12:");
    }

    @Test
    void aSchemaDeclaredInJavaCannotSmuggleStatementsInThroughItsStrings() {
        // a CHECK expression that closes itself and appends statements: the rendered DDL holds them, the rules refuse them
        String rendered = "CREATE TABLE \"a\" (\n  \"x\" INTEGER CHECK (1)); ATTACH '" + prod + "' AS p; DELETE FROM p.t; --)\n);\n";
        assertThatThrownBy(() -> DeclaredSchema.ofText("the schema class com.example.App (as SQL)", rendered, "the schema class com.example.App"))
                .isInstanceOf(LiteShiftException.class)
                .hasMessageContainingAll("the schema class com.example.App (as SQL):2: ATTACH is not allowed",
                        "Fix the statements in the schema class com.example.App; nothing was changed.");
    }

    @Test
    void aTamperedSnapshotIsRefusedNamingTheSnapshot() throws Exception {
        assertThatThrownBy(() -> DeclaredSchema.ofSnapshot("migrations/meta/0001.schema.sql",
                "CREATE TABLE t (x);\nATTACH '" + prod + "' AS p;\nDELETE FROM p.t;\n"))
                .isInstanceOf(LiteShiftException.class)
                .hasMessageContainingAll("migrations/meta/0001.schema.sql:2: ATTACH is not allowed", "migrations/meta/0001.schema.sql:3: DELETE");
        assertThat(prodRows()).isEqualTo(2);
    }

    @Test
    void theSandboxItselfRefusesEveryWayToAFile() throws Exception {
        Path copy = dir.resolve("copy.db");
        try (Connection c = Sandbox.open()) {
            Sandbox.run(c, "CREATE TABLE t (x)");
            assertThatThrownBy(() -> Sandbox.run(c, "ATTACH '" + prod + "' AS p")).hasMessageContaining("too many attached databases - max 0");
            assertThatThrownBy(() -> Sandbox.run(c, "VACUUM INTO '" + copy + "'")).hasMessageContaining("too many attached databases - max 0");
            assertThatThrownBy(() -> Sandbox.run(c, "SELECT load_extension('" + dir.resolve("evil.so") + "')")).hasMessageContaining("not authorized");
            // the driver runs these itself in Statement.execute; prepared, SQLite sees them and finds no such statement
            assertThatThrownBy(() -> Sandbox.run(c, "backup to " + copy)).hasMessageContaining("syntax error");
            assertThatThrownBy(() -> Sandbox.run(c, "restore from " + prod)).hasMessageContaining("syntax error");
            assertThatThrownBy(() -> Sandbox.run(c, "SELECT writefile('" + copy + "', 'x')")).hasMessageContaining("no such function");
            assertThatThrownBy(() -> Sandbox.run(c, "SELECT readfile('" + prod + "')")).hasMessageContaining("no such function");
        }
        assertThat(copy).doesNotExist();
        assertThat(prodRows()).isEqualTo(2);
    }
}
