package io.liteshift.inspect;

import io.liteshift.LiteShiftException;
import io.liteshift.hints.RenameHints;
import io.liteshift.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DeclaredSchemaTest {

    @TempDir
    Path dir;

    private Path write(String name, String sql) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, sql);
        return file;
    }

    private LiteShiftException loadFails(Path source) {
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, () -> DeclaredSchema.load(source));
        assertThat(e).as("loading %s should fail", source).isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        return e;
    }

    @Test
    void sqlite_syntax_error_names_the_file_and_the_offending_line() throws IOException {
        Path file = write("schema.sql", """
                -- users and their posts
                CREATE TABLE users (
                  id INTEGER PRIMARY KEY,
                  name TEXT
                );

                CREATE TABLE posts (
                  id INTEGER PRIMARY KEY
                  title TEXT
                );
                """);
        // the missing comma is noticed at "title", on line 9 (the statement starts on line 7)
        assertThat(loadFails(file).getMessage()).contains("schema.sql:9:").contains("SQLite rejected").contains("title TEXT");
    }

    @Test
    void syntax_error_points_at_the_offending_occurrence_of_a_repeated_token() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE t (\n  a INT,\n  b INT,\n  c INT,,\n  d INT\n);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:4:");
    }

    @Test
    void unterminated_string_names_the_file_and_its_line() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE a (x);\n\nCREATE TABLE b (y TEXT DEFAULT 'open);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:3:").contains("unterminated string");
    }

    @Test
    void unknown_table_in_an_index_is_reported_at_its_line() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE a (x);\nCREATE INDEX i ON missing (x);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:2:").contains("missing");
    }

    @Test
    void directory_is_read_in_file_name_order() throws IOException {
        Path schemaDir = Files.createDirectory(dir.resolve("schema"));
        // 02 needs 01 and 10 needs both: any other order fails in SQLite
        Files.writeString(schemaDir.resolve("10_views.sql"), "CREATE VIEW v AS SELECT * FROM child;");
        Files.writeString(schemaDir.resolve("02_child.sql"),
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INT REFERENCES parent);\n"
                        + "CREATE INDEX child_parent ON child (parent_id);");
        Files.writeString(schemaDir.resolve("01_parent.sql"), "CREATE TABLE parent (id INTEGER PRIMARY KEY);");
        Files.writeString(schemaDir.resolve("notes.txt"), "not SQL at all");
        DeclaredSchema d = DeclaredSchema.load(schemaDir);
        assertThat(d.schema().tables()).extracting(Table::name).containsExactly("parent", "child");
        assertThat(d.schema().views()).hasSize(1);
        assertThat(d.source()).isEqualTo(schemaDir);
    }

    @Test
    void error_in_a_directory_names_the_file_it_is_in() throws IOException {
        Path schemaDir = Files.createDirectory(dir.resolve("schema"));
        Files.writeString(schemaDir.resolve("a.sql"), "CREATE TABLE a (x);");
        Files.writeString(schemaDir.resolve("b.sql"), "\nCREATE TABLE a (y);");
        assertThat(loadFails(schemaDir).getMessage()).contains("b.sql:2:").contains("already exists");
    }

    @Test
    void empty_directory_and_missing_file_are_invalid_input() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(loadFails(empty).getMessage()).contains("no .sql files");
        assertThat(loadFails(dir.resolve("nope.sql")).getMessage()).contains("does not exist");
    }

    @Test
    void column_hints_at_line_end_with_and_without_trailing_comma() {
        RenameHints hints = DeclaredSchema.ofSql("""
                CREATE TABLE people (
                  id INTEGER PRIMARY KEY,
                  full_name TEXT NOT NULL, -- @renamed from=name
                  mail TEXT -- @renamed from="e-mail"
                );""").hints();
        assertThat(hints.columnRenamedFrom("people", "full_name")).contains("name");
        assertThat(hints.columnRenamedFrom("PEOPLE", "Mail")).contains("e-mail");
        assertThat(hints.columnRenamedFrom("people", "id")).isEmpty();
        assertThat(hints.tables()).isEmpty();
    }

    @Test
    void table_hint_on_the_line_above_create_table() {
        DeclaredSchema d = DeclaredSchema.ofSql("""
                CREATE TABLE other (x);
                -- @renamed from=persons
                CREATE TABLE people (
                  id INTEGER PRIMARY KEY,
                  nick TEXT -- @renamed from=nickname
                );""");
        assertThat(d.hints().tableRenamedFrom("people")).contains("persons");
        assertThat(d.hints().columnRenamedFrom("people", "nick")).contains("nickname");
        assertThat(d.hints().tableRenamedFrom("other")).isEmpty();
    }

    @Test
    void hints_are_not_part_of_the_stored_definition() {
        Table t = DeclaredSchema.ofSql("CREATE TABLE t (\n  a TEXT, -- @renamed from=b\n  c INT\n);").schema().tables().get(0);
        assertThat(t.columns()).extracting(c -> c.name()).containsExactly("a", "c");
    }

    @Test
    void table_hint_separated_by_a_blank_line_is_misplaced() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE a (x);\n-- @renamed from=old\n\nCREATE TABLE b (y);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:2:").contains("directly above");
    }

    @Test
    void column_hint_on_its_own_line_is_misplaced() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE a (\n  x INT,\n  -- @renamed from=old\n  y INT\n);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:3:").contains("end of the column's line");
    }

    @Test
    void hint_on_a_constraint_line_is_misplaced() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE a (\n  x INT,\n  UNIQUE (x) -- @renamed from=old\n);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:3:").contains("rename hint");
    }

    @Test
    void hint_above_an_index_is_misplaced() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE a (x);\n-- @renamed from=old\nCREATE INDEX i ON a (x);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:2:").contains("CREATE TABLE");
    }

    @Test
    void malformed_hint_says_how_to_write_it() throws IOException {
        Path file = write("schema.sql", "CREATE TABLE a (\n  x INT -- @renamed old\n);\n");
        assertThat(loadFails(file).getMessage()).contains("schema.sql:2:").contains("@renamed from=");
    }

    @Test
    void of_sql_runs_text_without_a_file() {
        assertThat(DeclaredSchema.ofSql("CREATE TABLE t (x)").schema().tables()).hasSize(1);
        assertThatThrownBy(() -> DeclaredSchema.ofSql("CREATE TABLE")).isInstanceOf(LiteShiftException.class);
        assertThatThrownBy(() -> DeclaredSchema.ofSql("CREATE TABLE t (x);\nCREATE TABLE u (y,);\n"))
                .isInstanceOf(LiteShiftException.class)
                .hasMessageContainingAll("(SQL text):2: SQLite rejected this statement", "\n    CREATE TABLE u (y,)\n", "Fix the statement in the schema file")
                .hasMessageNotContaining("liteshift-schema");
        assertThat(DeclaredSchema.ofSql("CREATE TABLE t (x)").source()).isNull();
    }
}
