package io.liteshift.dsl;

import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static io.liteshift.dsl.SqliteType.INTEGER;
import static io.liteshift.dsl.SqliteType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The mistakes the DSL catches before any SQL runs: each message names the table, the column, the line and the fix. */
class JavaSchemaMistakesTest {

    private static String mistake(Consumer<SchemaBuilder> declarations) {
        Throwable t = catchThrowable(() -> JavaSchema.define(declarations));
        assertThat(t).isInstanceOf(LiteShiftException.class);
        assertThat(((LiteShiftException) t).reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        return t.getMessage();
    }

    private static void customers(TableBuilder t) {
        t.column("id", INTEGER).primaryKey();
        t.column("email", TEXT).notNull();
    }

    @Test
    void foreign_key_to_an_undeclared_table() {
        String m = mistake(s -> s.table("customers", JavaSchemaMistakesTest::customers)
                .table("orders", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("customer_id", INTEGER).references("customer", "id");
                }));
        assertThat(m).contains("table orders, foreign key (customer_id) (JavaSchemaMistakesTest.java:")
                .contains("references table customer, which is not declared")
                .contains("s.table(\"customer\", ...)").contains("(declared: customers, orders)");
    }

    @Test
    void foreign_key_to_an_undeclared_column() {
        String m = mistake(s -> s.table("customers", JavaSchemaMistakesTest::customers)
                .table("orders", t -> t.column("customer_id", INTEGER).references("customers", "ident")));
        assertThat(m).contains("references customers(ident), but customers has no column ident")
                .contains("Declare it in customers, or reference one of its columns (declared: id, email)");
    }

    @Test
    void foreign_key_from_an_undeclared_column_of_its_own_table() {
        String m = mistake(s -> s.table("customers", JavaSchemaMistakesTest::customers)
                .table("orders", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.foreignKey("customer").references("customers");
                }));
        assertThat(m).contains("table orders, FOREIGN KEY (JavaSchemaMistakesTest.java:").contains("no column customer in orders")
                .contains("(declared: id)");
    }

    @Test
    void foreign_key_to_columns_that_are_not_unique_would_be_a_mismatch_at_every_write() {
        String m = mistake(s -> s.table("customers", JavaSchemaMistakesTest::customers)
                .table("orders", t -> t.column("email", TEXT).references("customers", "email")));
        assertThat(m).contains("references customers(email), which is neither the primary key of customers nor UNIQUE")
                .contains("foreign key mismatch").contains("Declare those columns unique in customers");
        // a unique index on exactly those columns is a parent key too
        JavaSchema ok = JavaSchema.define(s -> s.table("customers", t -> {
                    customers(t);
                    t.uniqueIndex("customers_email").on("email");
                })
                .table("orders", t -> t.column("email", TEXT).references("customers", "email")));
        assertThat(ok.toSql()).contains("REFERENCES customers (email)");
    }

    @Test
    void foreign_key_to_the_primary_key_of_a_table_without_one() {
        String m = mistake(s -> s.table("tags", t -> t.column("name", TEXT))
                .table("posts", t -> t.column("tag", TEXT).references("tags")));
        assertThat(m).contains("references the primary key of tags, which has none")
                .contains("references(\"tags\", \"column\")");
    }

    @Test
    void foreign_key_with_mismatched_column_counts() {
        String m = mistake(s -> s.table("lines", t -> {
                    t.column("a", INTEGER);
                    t.column("b", INTEGER);
                    t.primaryKey("a", "b");
                })
                .table("refs", t -> {
                    t.column("a", INTEGER);
                    t.foreignKey("a").references("lines");
                }));
        assertThat(m).contains("has 1 column(s) but references 2 (lines(a, b))");
    }

    @Test
    void duplicate_table_column_and_index_names_and_the_shared_namespace() {
        String m = mistake(s -> s.table("a", t -> {
                    t.column("x", INTEGER);
                    t.column("X", TEXT);
                    t.index("a_x").on("x");
                })
                .table("A", t -> t.column("y"))
                .table("b", t -> {
                    t.column("y");
                    t.index("a_x").on("y");
                })
                .view("b", "SELECT 1"));
        assertThat(m).contains("the schema has 4 mistakes:")
                .contains("table a, column X (JavaSchemaMistakesTest.java:").contains("declared twice (first (JavaSchemaMistakesTest.java:")
                .contains("table A (JavaSchemaMistakesTest.java:").contains("the name is taken by table a (")
                .contains("index a_x (").contains("the name is taken by index a_x (")
                .contains("view b (").contains("the name is taken by table b").contains("one namespace");
    }

    @Test
    void index_on_an_undeclared_column_and_an_index_without_keys() {
        String m = mistake(s -> s.table("people", t -> {
            t.column("id", INTEGER).primaryKey();
            t.column("email", TEXT);
            t.index("people_mail").on("mail");
            t.index("people_nothing");
        }));
        assertThat(m).contains("table people, index people_mail (JavaSchemaMistakesTest.java:")
                .contains("no column mail in people. Declare it, or use one of its columns (declared: id, email)")
                .contains("index people_nothing (").contains("has no keys");
    }

    @Test
    void two_primary_keys() {
        String m = mistake(s -> s.table("pairs", t -> {
            t.column("a", INTEGER).primaryKey();
            t.column("b", INTEGER).primaryKey();
        }));
        assertThat(m).contains("table pairs declares 2 primary keys: column a (").contains("column b (")
                .contains("t.primaryKey(\"a\", \"b\")");
    }

    @Test
    void autoincrement_strict_without_rowid_and_generated_rules() {
        String m = mistake(s -> s.table("t", t -> {
            t.column("id", TEXT).autoincrement();
            t.column("n", "VARCHAR(10)");
            t.column("g", INTEGER).generatedStored("1").defaultValue(2);
            t.strict();
        }).table("kv", t -> {
            t.column("k", TEXT);
            t.withoutRowid();
        }));
        assertThat(m).contains("table t, column id (").contains("AUTOINCREMENT needs type INTEGER, not TEXT")
                .contains("table t, column n (").contains("a STRICT table accepts the types INT, INTEGER, REAL, TEXT, BLOB and ANY, not VARCHAR(10)")
                .contains("table t, column g (").contains("a generated column cannot have a default")
                .contains("table kv (").contains("WITHOUT ROWID but has no primary key");
    }

    @Test
    void rename_hints_that_cannot_be_right() {
        String m = mistake(s -> s.table("a", t -> t.column("x").renamedFrom("x"))
                .table("b", t -> {
                    t.column("y");
                    t.column("z").renamedFrom("y");
                    t.renamedFrom("old");
                })
                .table("c", t -> t.column("w")).table("d", t -> {
                    t.column("v");
                    t.renamedFrom("old");
                }).table("e", t -> {
                    t.column("u");
                    t.renamedFrom("c");
                }));
        assertThat(m).contains("table a, column x (").contains("names the column itself")
                .contains("table b, column z (").contains("names another column of b that is still declared")
                .contains("table d (").contains("renamedFrom(\"old\"), like table b (")
                .contains("table e (").contains("names a table that is still declared");
    }

    @Test
    void triggers_on_undeclared_tables_or_columns_or_without_timing() {
        String m = mistake(s -> s.table("a", t -> t.column("x"))
                .view("v", "SELECT x FROM a")
                .trigger("t1", tr -> tr.after().insert().on("missing").body("SELECT 1"))
                .trigger("t2", tr -> tr.after().update("y").on("a").body("SELECT 1"))
                .trigger("t3", tr -> tr.insert().on("a"))
                .trigger("t4", tr -> tr.after().insert().on("v").body("SELECT 1")));
        assertThat(m).contains("trigger t1 (").contains("is on missing, which is not a declared table or view")
                .contains("trigger t2 (").contains("update(\"y\") names no column of a")
                .contains("trigger t3 (").contains("does not say when it fires").contains("has no body")
                .contains("trigger t4 (").contains("a trigger on a view must be insteadOf()");
    }

    @Test
    void reserved_names() {
        String m = mistake(s -> s.table("sqlite_stuff", t -> t.column("x")).table("liteshift_notes", t -> t.column("x")));
        assertThat(m).contains("table sqlite_stuff (").contains("reserved for SQLite")
                .contains("table liteshift_notes (").contains("liteshift ignores objects named liteshift_");
    }

    @Test
    void misuse_of_a_builder_fails_at_the_line_that_made_it() {
        assertThatThrownBy(() -> JavaSchema.define(s -> s.table("a", t -> t.column("x").onDelete(Action.CASCADE))))
                .hasMessageContaining("column x: onDelete(...) without references(...) (JavaSchemaMistakesTest.java:")
                .hasMessageContaining("Call references(table, column) first");
        assertThatThrownBy(() -> JavaSchema.define(s -> s.table("a", t -> t.column(" "))))
                .hasMessageContaining("a column name is blank (JavaSchemaMistakesTest.java:");
        assertThatThrownBy(() -> JavaSchema.define(s -> s.table("a", t -> t.column("x").defaultValue(new Object()))))
                .hasMessageContaining("column x: cannot use").hasMessageContaining("defaultExpression(...)");
        assertThatThrownBy(() -> JavaSchema.define(s -> s.table("a", t -> {
            t.column("x");
            t.index("i").desc();
        }))).hasMessageContaining("index i: desc() before any key").hasMessageContaining(".column(\"name\").desc()");
    }

    @Test
    void sql_that_only_sqlite_can_judge_is_judged_when_the_schema_is_read_and_named_there() {
        JavaSchema s = JavaSchema.define(b -> b.table("a", t -> t.column("x", INTEGER).check("nope > 0")));
        assertThatThrownBy(() -> s.declared()).isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("the schema declared in Java (as SQL):1: SQLite rejected this statement: no such column: nope")
                .hasMessageContaining("\n    CREATE TABLE a (\n      x INTEGER,\n      CHECK (nope > 0)\n    )")
                .hasMessageContaining("Fix the statement in the schema declared in Java");
    }

    @Test
    void a_declared_schema_is_immutable_and_its_text_is_its_identity() {
        JavaSchema a = JavaSchema.define(s -> s.table("t", t -> t.column("x", INTEGER)));
        JavaSchema b = JavaSchema.define(s -> s.table("t", t -> t.column("x", INTEGER)));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo(a.toSql()).isEqualTo("CREATE TABLE t (\n  x INTEGER\n);\n");
        assertThatThrownBy(() -> a.tableNames().add("u")).isInstanceOf(UnsupportedOperationException.class);
    }
}
