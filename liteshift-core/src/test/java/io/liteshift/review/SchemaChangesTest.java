package io.liteshift.review;

import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change states the page shows, computed from two real schemas by name and the rename hints. */
class SchemaChangesTest {

    private static SchemaChanges changes(ReviewInput in) {
        return SchemaChanges.of(in);
    }

    private static ReviewInput compare(String before, String after, List<Rename> renames) {
        return new ReviewInput("t", "", Schemas.declared(before), Schemas.declared(after), renames, List.of());
    }

    @Test
    void the_shop_migrations_rebuild_change_add_and_drop_as_they_say() {
        SchemaChanges c = changes(Fixtures.shop());
        assertThat(c.tables()).extracting(TableDiff::name, TableDiff::state).containsExactly(
                tuple("audit_log", State.DROPPED),
                tuple("categories", State.UNCHANGED),
                tuple("customers", State.REBUILT),
                tuple("order_items", State.UNCHANGED),
                tuple("orders", State.CHANGED),
                tuple("products", State.CHANGED),
                tuple("settings", State.UNCHANGED),
                tuple("shipments", State.ADDED));
        TableDiff customers = c.table("customers").orElseThrow();
        assertThat(customers.columns()).extracting(ColumnDiff::name, ColumnDiff::state, ColumnDiff::details).containsExactly(
                tuple("id", State.UNCHANGED, List.of()),
                tuple("full_name", State.CHANGED, List.of("renamed from name")),
                tuple("email", State.CHANGED, List.of("collation none -> NOCASE")),
                tuple("country", State.CHANGED, List.of("becomes NOT NULL", "default none -> 'unknown'")));
        assertThat(customers.rebuilds()).containsExactly("0002_customers_full_name.sql: change column email (collation none -> NOCASE);"
                + " change column country (becomes NOT NULL)");
        TableDiff orders = c.table("orders").orElseThrow();
        assertThat(orders.columns()).extracting(ColumnDiff::name, ColumnDiff::state).containsExactly(
                tuple("id", State.UNCHANGED), tuple("customer_id", State.UNCHANGED),
                tuple("total_cents", State.UNCHANGED), tuple("legacy_code", State.DROPPED),
                tuple("note", State.ADDED));
        assertThat(orders.indexes()).extracting(ObjectDiff::name, ObjectDiff::state).containsExactly(
                tuple("orders_by_customer", State.CHANGED));
        assertThat(orders.edges()).extracting(EdgeDiff::describe, EdgeDiff::state).containsExactly(
                tuple("orders(customer_id) -> customers(id)", State.UNCHANGED));
        assertThat(c.table("products").orElseThrow().edges()).extracting(EdgeDiff::describe, EdgeDiff::state).containsExactly(
                tuple("products(category_id) -> categories(id)", State.ADDED));
        assertThat(c.table("categories").orElseThrow().edges()).extracting(EdgeDiff::describe).containsExactly("categories(parent_id) -> categories(id)");
        assertThat(c.others()).extracting(ObjectDiff::kind, ObjectDiff::name, ObjectDiff::state)
                .containsExactly(tuple("view", "customer_totals", State.ADDED));
        assertThat(c.droppedColumns()).containsExactly("orders.legacy_code");
    }

    @Test
    void a_renamed_table_is_one_changed_table_and_its_children_keep_their_edges() {
        String before = "CREATE TABLE people (id INTEGER PRIMARY KEY, nick TEXT);\n"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER REFERENCES people (id) ON DELETE CASCADE);\n";
        String after = "CREATE TABLE users (id INTEGER PRIMARY KEY, handle TEXT);\n"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER REFERENCES users (id) ON DELETE SET NULL);\n";
        SchemaChanges byName = changes(compare(before, after, List.of()));
        assertThat(byName.tables()).extracting(TableDiff::name, TableDiff::state).containsExactly(
                tuple("people", State.DROPPED), tuple("posts", State.CHANGED),
                tuple("users", State.ADDED));
        assertThat(byName.table("posts").orElseThrow().edges()).extracting(EdgeDiff::describe, EdgeDiff::state).containsExactly(
                tuple("posts(author) -> users(id)", State.ADDED),
                tuple("posts(author) -> people(id)", State.DROPPED));

        SchemaChanges hinted = changes(compare(before, after, List.of(new Rename.TableRename("people", "users"),
                new Rename.ColumnRename("users", "nick", "handle"))));
        assertThat(hinted.tables()).extracting(TableDiff::name, TableDiff::formerName, TableDiff::state).containsExactly(
                tuple("posts", null, State.CHANGED), tuple("users", "people", State.CHANGED));
        assertThat(hinted.table("users").orElseThrow().details()).containsExactly("renamed from people");
        assertThat(hinted.table("users").orElseThrow().columns()).extracting(ColumnDiff::name, ColumnDiff::formerName, ColumnDiff::state)
                .containsExactly(tuple("id", null, State.UNCHANGED),
                        tuple("handle", "nick", State.CHANGED));
        assertThat(hinted.table("posts").orElseThrow().edges()).extracting(EdgeDiff::describe, EdgeDiff::state, EdgeDiff::details)
                .containsExactly(tuple("posts(author) -> users(id)", State.CHANGED,
                        List.of("ON DELETE CASCADE -> SET NULL")));
        assertThat(hinted.droppedColumns()).isEmpty();
    }

    @Test
    void keys_types_checks_and_options_are_named_in_the_details() {
        String before = "CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c TEXT, CHECK (length(c) < 10));\n";
        String after = "CREATE TABLE t (a INTEGER, b INTEGER UNIQUE, c TEXT NOT NULL DEFAULT 'x', PRIMARY KEY (a, b),"
                + " CHECK (length(c) < 20)) STRICT;\n";
        TableDiff t = changes(compare(before, after, List.of())).table("t").orElseThrow();
        assertThat(t.state()).isEqualTo(State.CHANGED);
        assertThat(t.details()).containsExactly("primary key (a) -> (a, b)", "becomes STRICT", "CHECK (length(c) < 20) added",
                "CHECK (length(c) < 10) dropped");
        assertThat(t.columns()).extracting(ColumnDiff::name, ColumnDiff::details).containsExactly(
                // a STRICT table's primary key columns are NOT NULL (SQLite reports them so)
                tuple("a", List.of("becomes NOT NULL")),
                tuple("b", List.of("type TEXT -> INTEGER", "becomes NOT NULL", "joins the primary key", "becomes UNIQUE")),
                tuple("c", List.of("becomes NOT NULL", "default none -> 'x'")));
        assertThat(t.columns().get(1).keys()).containsExactlyInAnyOrder("PK", "UQ", "NN");
    }

    @Test
    void equal_schemas_have_no_changes_and_a_safe_verdict() {
        ReviewInput same = compare(Fixtures.SHOP_V1, Fixtures.SHOP_V1, List.of());
        assertThat(changes(same).isEmpty()).isTrue();
        assertThat(ReviewPage.verdict(same)).isEqualTo(new Verdict(Verdict.Level.SAFE, List.of("Nothing changes: the two schemas are the same.")));
    }

    @Test
    void a_rename_hint_that_does_not_fit_the_schemas_is_refused_with_what_is_missing() {
        Schema s = Schemas.declared("CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
        assertThatThrownBy(() -> new ReviewInput("t", "", s, s, List.of(new Rename.TableRename("b", "a")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rename hint \"table b renamed to a\" does not fit the schemas: the schema before has no table b."
                        + " Pass only renames between the two schemas given; nothing was rendered.");
        assertThatThrownBy(() -> new ReviewInput("t", "", s, s, List.of(new Rename.ColumnRename("a", "x", "id")), List.of()))
                .hasMessageContaining("the schema before has no column a.x");
    }

    @Test
    void steps_and_findings_outside_the_file_are_refused_naming_the_file_and_line() {
        assertThatThrownBy(() -> new Migration("0002_x.sql", "SELECT 1;\n", List.of(new Step(1, 3, "select", List.of())), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step \"select\" of 0002_x.sql ends at line 3, but the file has 1 lines. Give the steps' lines in this"
                        + " file's text; nothing was rendered.");
        assertThatThrownBy(() -> new Step(4, 2, "backwards", List.of())).hasMessageContaining("has lines 4-2");
        assertThatThrownBy(() -> new Finding("x", Finding.Severity.INFO, -1, "", "m", "", Counts.NONE, false))
                .hasMessageContaining("has line -1");
        assertThatThrownBy(() -> new Migration("0002_x.sql", "SELECT 1;", List.of(),
                List.of(new Finding("x", Finding.Severity.INFO, 2, "", "m", "", Counts.NONE, false)), null))
                .hasMessageContaining("finding [x] of 0002_x.sql is at line 2, but the file has 1 lines");
    }
}
