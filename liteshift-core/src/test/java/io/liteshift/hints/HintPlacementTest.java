package io.liteshift.hints;

import io.liteshift.DirectoryState;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;
import io.liteshift.PushResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A rename hint binds to what stands on its line, whatever follows on that line: each placement a user copies from
 * {@code sqlite3 .schema} or writes by hand, pushed with {@code --yes} onto a real file whose {@code key} column (added
 * by ALTER TABLE ADD COLUMN, so SQLite stores it as {@code , key TEXT)}) holds values. The values must survive as
 * {@code akey}, or the push must be refused naming the hint's line and leave the file byte-identical.
 */
class HintPlacementTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void aTableWhoseLastColumnWasAddedLater() throws SQLException {
        db = dir.resolve("app.db");
        sql("CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT\n)",
                "ALTER TABLE users ADD COLUMN key TEXT",
                "INSERT INTO users VALUES (1, 'ann', 'k1'), (2, 'bo', NULL), (3, 'cy', 'k3')");
        assertThat(storedSql()).isEqualTo("CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT\n, key TEXT)");
    }

    /** The schema as .schema prints the table, with the column renamed on its (last) line. */
    private static final String SHELL_STYLE = "CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT\n, akey TEXT);";

    @Test
    void aHintAfterTheClosingParenthesisOfTheShellsLastLine() throws Exception {
        assertKeysKeptBy(SHELL_STYLE + " -- @renamed from=key\n");
    }

    @Test
    void thatHintFollowedByTheNextTableOnTheNextLine() throws Exception {
        assertKeysKeptBy(SHELL_STYLE + " -- @renamed from=key\nCREATE TABLE other (id INTEGER PRIMARY KEY);\n");
    }

    @Test
    void thatHintAfterAnotherStatementOnTheSameLine() throws Exception {
        assertKeysKeptBy(SHELL_STYLE + " CREATE INDEX users_akey ON users (akey); -- @renamed from=key\n");
    }

    @Test
    void aColumnLineFollowedByTheNextCreateTableOnTheSameLine() throws Exception {
        assertKeysKeptBy(SHELL_STYLE + " CREATE TABLE next ( -- @renamed from=key\n  id INTEGER PRIMARY KEY\n);\n");
    }

    @Test
    void aHintInABlockCommentInsideTheColumnDefinition() throws Exception {
        assertKeysKeptBy("CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT,\n  akey /* @renamed from=key */ TEXT\n);\n");
    }

    @Test
    void aColumnDefinitionOverSeveralLinesTakesTheHintOnAnyOfThem() throws Exception {
        assertKeysKeptBy("CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT,\n  akey\n    TEXT -- @renamed from=key\n"
                + "    CHECK (akey <> '')\n);\n");
    }

    @Test
    void crlfLineEndingsAndAHintAtTheEndOfTheFileWithoutANewline() throws Exception {
        assertKeysKeptBy((SHELL_STYLE + " -- @renamed from=\"key\"").replace("\n", "\r\n"));
    }

    @Test
    void aTableHintAboveAndAColumnHintOnTheShellsLastLine() throws Exception {
        pushYes("-- @renamed from=users\nCREATE TABLE people (\n  id INTEGER PRIMARY KEY,\n  name TEXT\n, akey TEXT); -- @renamed from=key\n");
        assertThat(strings("SELECT akey FROM people ORDER BY id")).containsExactly("k1", null, "k3");
        assertSound();
    }

    @Test
    void anAppliedHintIsSilentTheSecondTime() throws Exception {
        String schema = SHELL_STYLE + " -- @renamed from=key\n";
        assertKeysKeptBy(schema);
        assertThat(pushYes(schema).plan().isEmpty()).isTrue();
    }

    @Test
    void severalColumnsOnTheHintsLineAreAmbiguous() throws Exception {
        LiteShiftException e = refused("CREATE TABLE users (\n  id INTEGER PRIMARY KEY, name TEXT, akey TEXT -- @renamed from=key\n);\n");
        assertThat(e.getMessage()).startsWith(dir.resolve("schema.sql") + ":2: cannot use the rename hint '-- @renamed from=key':"
                + " its line holds several column definitions (id, name, akey)");
    }

    @Test
    void aHintWithATypoInTheOldNameIsRefusedSayingWhatItWasTakenFor() throws Exception {
        LiteShiftException e = refused(SHELL_STYLE + " -- @renamed from=kee\n");
        assertThat(e.getMessage()).startsWith(dir.resolve("schema.sql") + ":4: the rename hint '-- @renamed from=kee' was taken as a"
                + " rename of column users.akey from kee, but there is no column kee").endsWith("Nothing was changed.");
    }

    @Test
    void aHintOntoANameThatExistsAlongsideTheOldOneIsRefused() throws Exception {
        sql("ALTER TABLE users ADD COLUMN akey TEXT");
        LiteShiftException e = refused(SHELL_STYLE + " -- @renamed from=key\n");
        assertThat(e.getMessage()).contains(":4: the rename hint", "column users.akey from key, but both key and akey exist already");
    }

    @Test
    void aTableHintOnATableLiteshiftDoesNotCreateIsRefused() throws Exception {
        LiteShiftException e = refused("CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT,\n  key TEXT\n);\n"
                + "-- @renamed from=audit\nCREATE TABLE liteshift_audit (id INTEGER PRIMARY KEY);\n");
        assertThat(e.getMessage()).contains("schema.sql:6: the rename hint '-- @renamed from=audit' was taken as a rename of table"
                + " liteshift_audit from audit, but the declared schema has no table liteshift_audit (liteshift ignores");
    }

    @Test
    void aHintOnALineWithoutAColumnOrTableIsMisplaced() throws Exception {
        LiteShiftException e = refused("CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name TEXT,\n  key TEXT\n);\n"
                + "CREATE INDEX users_key ON users (key); -- @renamed from=x\n\nCREATE TABLE other (id INTEGER PRIMARY KEY);\n");
        assertThat(e.getMessage()).contains("schema.sql:6: cannot use the rename hint", "directly above its CREATE TABLE");
    }

    private void assertKeysKeptBy(String schema) throws Exception {
        pushYes(schema);
        assertThat(strings("SELECT akey FROM users ORDER BY id")).containsExactly("k1", null, "k3");
        assertThat(strings("SELECT name FROM users ORDER BY id")).containsExactly("ann", "bo", "cy");
        assertSound();
    }

    private PushResult pushYes(String schema) throws Exception {
        Path file = Files.writeString(dir.resolve("schema.sql"), schema);
        return LiteShift.push(db.toString(), file, PushOptions.defaults().allowingDestructive());
    }

    private LiteShiftException refused(String schema) throws Exception {
        Path file = Files.writeString(dir.resolve("schema.sql"), schema);
        DirectoryState before = DirectoryState.of(dir);
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class,
                () -> LiteShift.push(db.toString(), file, PushOptions.defaults().allowingDestructive()));
        assertThat(e).as("the push must be refused").isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(DirectoryState.of(dir)).as("the database is byte-identical").isEqualTo(before);
        return e;
    }

    private void assertSound() throws SQLException {
        assertThat(strings("PRAGMA integrity_check")).containsExactly("ok");
        assertThat(strings("PRAGMA foreign_key_check")).isEmpty();
    }

    private String storedSql() throws SQLException {
        return strings("SELECT sql FROM sqlite_schema WHERE name = 'users'").get(0);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            for (String st : statements) s.execute(st);
        }
    }

    private List<String> strings(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
