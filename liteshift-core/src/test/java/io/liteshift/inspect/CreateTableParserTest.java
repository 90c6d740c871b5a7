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

    /** drizzle-kit writes no comma between its FOREIGN KEYs; SQLite's grammar makes it optional between any table constraints. */
    @Test
    void table_constraints_without_commas_between_them() {
        Table t = table("""
                CREATE TABLE `m` (
                	`a` integer NOT NULL,
                	`b` integer,
                	`c` text,
                	FOREIGN KEY (`a`) REFERENCES `m`(`a`) ON UPDATE no action ON DELETE cascade
                	FOREIGN KEY (`b`) REFERENCES `m`(`a`) ON UPDATE no action ON DELETE set null
                	UNIQUE (a, b) CHECK (c <> '') CONSTRAINT pk PRIMARY KEY (a) CONSTRAINT named CHECK (b > 0), CHECK (a > 0)
                )""");
        assertThat(t.foreignKeys()).extracting(ForeignKey::columns).containsExactly(List.of("a"), List.of("b"));
        assertThat(t.foreignKeys()).extracting(ForeignKey::onDelete).containsExactly("CASCADE", "SET NULL");
        assertThat(t.uniques()).hasSize(1);
        assertThat(t.primaryKey().name()).isEqualTo("pk");
        assertThat(t.checks()).containsExactly(new CheckConstraint(null, "c <> ''"), new CheckConstraint("named", "b > 0"),
                new CheckConstraint(null, "a > 0"));
    }

    /**
     * SQLite's CONSTRAINT name may stand alone and names every constraint after it up to the next column, or the
     * next comma between table constraints (not the comma that ends the columns): what SQLite reports the CHECK as.
     */
    @Test
    void a_constraint_name_names_what_follows_it_as_in_sqlite() {
        Table t = table("""
                CREATE TABLE t (
                  a INT CONSTRAINT c1 CHECK (a > 0) CHECK (a < 10) CONSTRAINT lonely,
                  b INT CHECK (b > 0),
                  c INT CONSTRAINT carried,
                  CHECK (c > 0) CHECK (c < 5), CHECK (c <> 3)
                )""");
        assertThat(t.checks()).containsExactly(new CheckConstraint("c1", "a > 0"), new CheckConstraint("c1", "a < 10"),
                new CheckConstraint(null, "b > 0"), new CheckConstraint("carried", "c > 0"), new CheckConstraint("carried", "c < 5"),
                new CheckConstraint(null, "c <> 3"));
    }

    @Test
    void column_constraints_in_any_order_with_a_lone_deferral_and_on_insert() {
        Table t = table("""
                CREATE TABLE t (
                  id INTEGER,
                  p INT REFERENCES t (id) ON INSERT CASCADE MATCH FULL NOT NULL DEFAULT 1 DEFERRABLE INITIALLY DEFERRED,
                  q TEXT UNIQUE ON CONFLICT REPLACE COLLATE NOCASE DEFAULT 'x' NOT NULL ON CONFLICT IGNORE CHECK (q <> ''),
                  generated INT, always INT, stored TEXT, key TEXT,
                  PRIMARY KEY (id AUTOINCREMENT)
                )""");
        assertThat(t.foreignKeys()).containsExactly(new ForeignKey(null, List.of("p"), "t", List.of("id"), null, null, "FULL",
                "DEFERRABLE INITIALLY DEFERRED"));
        assertThat(t.column("p").orElseThrow().notNull()).isTrue();
        Column q = t.column("q").orElseThrow();
        assertThat(q.notNull()).isTrue();
        assertThat(q.collation()).isEqualTo("NOCASE");
        assertThat(q.defaultValue()).isEqualTo("'x'");
        assertThat(t.columns()).extracting(Column::name).containsExactly("id", "p", "q", "generated", "always", "stored", "key");
        assertThat(t.autoincrement()).as("PRIMARY KEY (id AUTOINCREMENT)").isTrue();
        assertThat(t.primaryKey().columnNames()).containsExactly("id");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "x 'my type' => my type",
            "x \"quoted type\" (10) => quoted type(10)",
            "x DECIMAL ( 10 , 2 ) NOT NULL => DECIMAL(10,2)",
            "x VARCHAR(-1) => VARCHAR(-1)",
    })
    void type_names_as_strings_and_quoted_words(String definition, String type) {
        assertThat(SqlText.canonical(CreateTableParser.parse("CREATE TABLE t (" + definition + ")").columns().get(0).type()))
                .isEqualTo(SqlText.canonical(type));
    }

    /**
     * Comments and line breaks never reach the model's expressions: re-used inside other SQL, a line comment would
     * swallow what follows, and a line break would end a comment line of a generated migration's header.
     */
    @Test
    void expressions_are_kept_without_their_comments() {
        Table t = table("""
                CREATE TABLE t (
                  a INT CHECK (a > 0 -- positive
                  ),
                  b INT DEFAULT (1 /* one */ + 1 -- two
                  ),
                  c INT GENERATED ALWAYS AS (a * 2 -- doubled
                  ) STORED,
                  d INT DEFAULT /* seven */ 7,
                  CHECK (/* both */ a < b
                    AND b < 100)
                );
                CREATE INDEX t_a ON t (a /* key */ DESC, (b + 1) -- expression
                ) WHERE a > 1 -- partial
                  AND b > 1;
                """);
        assertThat(t.checks()).extracting(CheckConstraint::expression).containsExactly("a > 0", "a < b AND b < 100");
        assertThat(t.column("b").orElseThrow().defaultValue()).isEqualTo("1   + 1");
        assertThat(t.column("c").orElseThrow().generated().expression()).isEqualTo("a * 2");
        assertThat(t.column("d").orElseThrow().defaultValue()).isEqualTo("7");
        var index = DeclaredSchema.ofSql("CREATE TABLE t (a, b); CREATE INDEX t_a ON t (a /* key */ DESC, (b + 1) -- expression\n)"
                + " WHERE a > 1 -- partial\n  AND b > 1;").schema().indexes().get(0);
        assertThat(index.keys()).extracting(IndexedColumn::expression).containsExactly("a", "(b + 1)");
        assertThat(index.where()).isEqualTo("a > 1  AND b > 1");
    }
}
