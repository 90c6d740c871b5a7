package io.liteshift.inspect;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.PrimaryKey;
import io.liteshift.schema.Table;
import io.liteshift.schema.UniqueConstraint;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.SqlText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CREATE TABLE reading, through the same path a declared schema takes (run into SQLite, then inspected). */
class CreateTableParserTest {

    private static Table table(String createTable) {
        return DeclaredSchema.ofSql(createTable).schema().tables().get(0);
    }

    private static Column column(String definition) {
        return table("CREATE TABLE t (" + definition + ")").columns().get(0);
    }

    @Test
    void column_constraints_of_every_kind() {
        Table t = table("""
                CREATE TABLE t (
                  id INTEGER CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT ROLLBACK,
                  email TEXT NOT NULL ON CONFLICT FAIL CONSTRAINT uq_email UNIQUE ON CONFLICT IGNORE COLLATE NOCASE,
                  age INT NULL CONSTRAINT adult CHECK (age >= 18) DEFAULT 18,
                  team_id INT REFERENCES t (id) ON DELETE CASCADE ON UPDATE SET NULL MATCH SIMPLE
                         DEFERRABLE INITIALLY DEFERRED
                )""");
        assertThat(t.primaryKey()).isEqualTo(new PrimaryKey("pk", List.of(new IndexedColumn("id", true, null, true)), false));
        Column email = t.column("email").orElseThrow();
        assertThat(email.notNull()).isTrue();
        assertThat(email.collation()).isEqualTo("NOCASE");
        assertThat(t.uniques()).containsExactly(new UniqueConstraint("uq_email", List.of(IndexedColumn.column("email"))));
        assertThat(t.checks()).containsExactly(new CheckConstraint("adult", "age >= 18"));
        Column age = t.column("age").orElseThrow();
        assertThat(age.notNull()).isFalse();
        assertThat(age.defaultValue()).isEqualTo("18");
        assertThat(t.foreignKeys()).containsExactly(new ForeignKey(null, List.of("team_id"), "t", List.of("id"),
                "CASCADE", "SET NULL", "SIMPLE", "DEFERRABLE INITIALLY DEFERRED"));
    }

    @Test
    void table_constraints_of_every_kind_named_and_unnamed() {
        Table t = table("""
                CREATE TABLE t (
                  a INT, b TEXT, c INT, p INT,
                  CONSTRAINT pk_ab PRIMARY KEY (a, b DESC) ON CONFLICT REPLACE,
                  UNIQUE (b COLLATE NOCASE, c),
                  CONSTRAINT uq_c UNIQUE (c) ON CONFLICT ABORT,
                  CHECK (c > 0),
                  CONSTRAINT c_small CHECK (c < 100),
                  FOREIGN KEY (p) REFERENCES t (c) ON UPDATE RESTRICT NOT DEFERRABLE,
                  CONSTRAINT fk_self FOREIGN KEY (p, c) REFERENCES t ON DELETE SET DEFAULT DEFERRABLE INITIALLY IMMEDIATE
                )""");
        assertThat(t.primaryKey()).isEqualTo(new PrimaryKey("pk_ab",
                List.of(IndexedColumn.column("a"), new IndexedColumn("b", true, null, true)), false));
        assertThat(t.uniques()).containsExactly(
                new UniqueConstraint(null, List.of(new IndexedColumn("b", true, "NOCASE", false), IndexedColumn.column("c"))),
                new UniqueConstraint("uq_c", List.of(IndexedColumn.column("c"))));
        assertThat(t.checks()).containsExactly(new CheckConstraint(null, "c > 0"), new CheckConstraint("c_small", "c < 100"));
        assertThat(t.foreignKeys()).containsExactly(
                new ForeignKey(null, List.of("p"), "t", List.of("c"), null, "RESTRICT", null, "NOT DEFERRABLE"),
                new ForeignKey("fk_self", List.of("p", "c"), "t", List.of(), "SET DEFAULT", null, null,
                        "DEFERRABLE INITIALLY IMMEDIATE"));
    }

    @Test
    void foreign_key_actions_default_to_no_action() {
        ForeignKey fk = table("CREATE TABLE t (id INTEGER PRIMARY KEY, p INT REFERENCES t)").foreignKeys().get(0);
        assertThat(fk.onDelete()).isEqualTo("NO ACTION");
        assertThat(fk.onUpdate()).isEqualTo("NO ACTION");
        assertThat(fk.refColumns()).isEmpty();
        assertThat(fk.match()).isEmpty();
        assertThat(fk.deferrable()).isEmpty();
    }

    @Test
    void generated_columns_stored_virtual_and_bare_as() {
        Table t = table("""
                CREATE TABLE t (
                  a INT,
                  s INT GENERATED ALWAYS AS (a * 2) STORED,
                  v TEXT GENERATED ALWAYS AS (upper(CAST(a AS TEXT))) VIRTUAL,
                  bare INT AS (a + 1),
                  plain INT AS (a - 1) STORED
                )""");
        assertThat(t.column("s").orElseThrow().generated()).isEqualTo(new Column.Generated("a * 2", true));
        assertThat(t.column("v").orElseThrow().generated()).isEqualTo(new Column.Generated("upper(CAST(a AS TEXT))", false));
        assertThat(t.column("bare").orElseThrow().generated()).isEqualTo(new Column.Generated("a + 1", false));
        assertThat(t.column("plain").orElseThrow().generated()).isEqualTo(new Column.Generated("a - 1", true));
        assertThat(t.column("a").orElseThrow().isGenerated()).isFalse();
        assertThat(t.columns()).extracting(Column::name).containsExactly("a", "s", "v", "bare", "plain");
    }

    @Test
    void autoincrement_strict_and_without_rowid() {
        Table auto = table("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT) STRICT");
        assertThat(auto.autoincrement()).isTrue();
        assertThat(auto.strict()).isTrue();
        assertThat(auto.withoutRowid()).isFalse();
        assertThat(auto.rowidAlias()).map(Column::name).contains("id");

        Table both = table("CREATE TABLE t (k TEXT PRIMARY KEY, v ANY) WITHOUT ROWID, STRICT");
        assertThat(both.withoutRowid()).isTrue();
        assertThat(both.strict()).isTrue();
        assertThat(both.autoincrement()).isFalse();
        assertThat(both.rowidAlias()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "x DOUBLE PRECISION => DOUBLE PRECISION",
            "x DECIMAL(10, 5) => DECIMAL(10,5)",
            "x UNSIGNED BIG INT => UNSIGNED BIG INT",
            "x VARCHAR ( 255 ) NOT NULL => VARCHAR(255)",
            "x => ~~",
            "x NATIVE CHARACTER(70) => NATIVE CHARACTER(70)",
            "x INT(+1, -2) => INT(+1,-2)",
    })
    void multi_word_and_parameterised_type_names(String definition, String type) {
        // kept as written; formatting inside the parentheses does not matter when types are compared
        assertThat(SqlText.canonical(column(definition).type())).isEqualTo(SqlText.canonical(type));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "x INT DEFAULT -1 => -1",
            "x REAL DEFAULT +1.5 => +1.5",
            "x TEXT DEFAULT 'x' => ~'x'~",
            "x TEXT DEFAULT (datetime('now')) => ~(datetime('now'))~",
            "x TEXT DEFAULT CURRENT_TIMESTAMP => CURRENT_TIMESTAMP",
            "x TEXT DEFAULT NULL => NULL",
            "x BOOLEAN DEFAULT TRUE => TRUE",
            "x BLOB DEFAULT X'00FF' => X'00FF'",
            "x INT DEFAULT 0x10 => 0x10",
    })
    void default_values_are_kept_as_sqlite_reads_them(String definition, String dflt) {
        assertThat(SqlText.canonicalExpression(column(definition).defaultValue())).isEqualTo(SqlText.canonicalExpression(dflt));
    }

    @Test
    void quoted_names_and_odd_spacing() {
        Table t = table("CREATE TABLE \"my \"\"table\"\" \" ( [first col] TEXT ,`select` INT,\"Ünïcode\"  )");
        assertThat(t.name()).isEqualTo("my \"table\" ");
        assertThat(t.columns()).extracting(Column::name).containsExactly("first col", "select", "Ünïcode");
    }

    @Test
    void column_definition_text_is_kept_for_add_column() {
        Table t = table("CREATE TABLE t (\n  a INT NOT NULL DEFAULT 0 CHECK (a >= 0),\n  b TEXT\n)");
        assertThat(t.column("a").orElseThrow().definition()).isEqualTo("a INT NOT NULL DEFAULT 0 CHECK (a >= 0)");
        assertThat(t.column("b").orElseThrow().definition()).isEqualTo("b TEXT");
    }

    @Test
    void parser_reads_stored_sql_directly() {
        Table t = CreateTableParser.parse("CREATE TEMP TABLE IF NOT EXISTS main.t (a INT PRIMARY KEY ASC, b)");
        assertThat(t.name()).isEqualTo("t");
        assertThat(t.primaryKey().columnNames()).containsExactly("a");
        assertThat(t.columns()).extracting(Column::type).containsExactly("INT", "");
    }

    @Test
    void create_table_as_select_is_rejected_with_a_reason() {
        assertThatThrownBy(() -> CreateTableParser.parse("CREATE TABLE t AS SELECT 1 AS a"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("AS SELECT");
    }
}
