package io.liteshift.inspect;

import io.liteshift.schema.Index;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.View;
import io.liteshift.schema.VirtualTable;
import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class InspectorTest {

    static Schema inspect(String script) throws SQLException {
        try (MemoryDb db = MemoryDb.with(script)) {
            return Inspector.inspect(db.connection());
        }
    }

    private static final String TABLE = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INT, c TEXT);\n";

    @Test
    void indexes_unique_partial_expression_desc_and_collate() throws SQLException {
        Schema s = inspect(TABLE + """
                CREATE UNIQUE INDEX t_a ON t (a COLLATE NOCASE);
                CREATE INDEX t_partial ON t (b) WHERE b IS NOT NULL AND b > 0;
                CREATE INDEX t_expr ON t (lower(c), b + 1 DESC);
                CREATE INDEX t_desc ON t (b DESC, a ASC);
                """);
        assertThat(s.indexes()).extracting(Index::name).containsExactly("t_a", "t_partial", "t_expr", "t_desc");
        Index unique = s.indexes().get(0);
        assertThat(unique.unique()).isTrue();
        assertThat(unique.table()).isEqualTo("t");
        assertThat(unique.keys()).containsExactly(new IndexedColumn("a", true, "NOCASE", false));
        assertThat(s.indexes().get(1).where()).isEqualTo("b IS NOT NULL AND b > 0");
        assertThat(s.indexes().get(1).unique()).isFalse();
        assertThat(s.indexes().get(2).keys()).containsExactly(
                new IndexedColumn("lower(c)", false, null, false), new IndexedColumn("b + 1", false, null, true));
        assertThat(s.indexes().get(3).keys()).containsExactly(
                new IndexedColumn("b", true, null, true), new IndexedColumn("a", true, null, false));
        assertThat(s.indexesOf("T")).hasSize(4);
    }

    @Test
    void automatic_indexes_of_constraints_are_not_listed() throws SQLException {
        Schema s = inspect("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT UNIQUE, UNIQUE (a, b));");
        assertThat(s.indexes()).isEmpty();
        assertThat(s.tables().get(0).uniques()).hasSize(2);
    }

    @Test
    void views_and_triggers_keep_their_sql() throws SQLException {
        String view = "CREATE VIEW v AS SELECT a, count(*) AS n FROM t GROUP BY a";
        String trigger = "CREATE TRIGGER t_audit AFTER UPDATE OF a ON t BEGIN UPDATE t SET b = b + 1 WHERE id = new.id; END";
        Schema s = inspect(TABLE + view + ";\n" + trigger + ";");
        assertThat(s.views()).containsExactly(new View("v", view));
        assertThat(s.triggers()).containsExactly(new Trigger("t_audit", "t", trigger));
        assertThat(s.triggersOf("t")).hasSize(1);
        assertThat(s.view("V")).isPresent();
    }

    @Test
    void fts5_table_is_a_virtual_table_and_its_shadow_tables_are_not_in_the_model() throws SQLException {
        Schema s = inspect(TABLE + "CREATE VIRTUAL TABLE docs USING fts5(title, body);");
        assertThat(s.virtualTables()).extracting(VirtualTable::name).containsExactly("docs");
        assertThat(s.tables()).extracting(Table::name).containsExactly("t");
        assertThat(s.indexes()).isEmpty();
    }

    @Test
    void own_litestream_and_sqlite_internal_tables_are_ignored() throws SQLException {
        Schema s = inspect("""
                CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT);
                CREATE TABLE liteshift_history (id INTEGER PRIMARY KEY, applied TEXT);
                CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER);
                CREATE TABLE _litestream_lock (id INTEGER);
                CREATE INDEX liteshift_history_applied ON liteshift_history (applied);
                CREATE TABLE kept (id INTEGER);
                ANALYZE;
                """);
        assertThat(s.tables()).extracting(Table::name).containsExactly("t", "kept");
        assertThat(s.indexes()).isEmpty();
        assertThat(Inspector.isIgnored("sqlite_sequence")).isTrue();
        assertThat(Inspector.isIgnored("sqlite_stat1")).isTrue();
        assertThat(Inspector.isIgnored("LITESHIFT_x")).isTrue();
        assertThat(Inspector.isIgnored("my_liteshift")).isFalse();
    }

    @Test
    void tables_come_in_creation_order_and_lookups_fold_ascii_case() throws SQLException {
        Schema s = inspect("CREATE TABLE b (x); CREATE TABLE A (y); CREATE TABLE \"É\" (z);");
        assertThat(s.tables()).extracting(Table::name).containsExactly("b", "A", "É");
        assertThat(s.table("a")).isPresent();
        assertThat(s.table("é")).isEmpty();
    }

    @Test
    void declared_schema_and_live_database_inspect_alike() throws SQLException {
        String script = TABLE + """
                CREATE INDEX t_b ON t (b) WHERE b > 0;
                CREATE VIEW v AS SELECT a FROM t;
                CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
                """;
        assertThat(DeclaredSchema.ofSql(script).schema()).isEqualTo(inspect(script));
    }

    @Test
    void empty_database_is_the_empty_schema() throws SQLException {
        Schema s = inspect("");
        assertThat(s.isEmpty()).isTrue();
        assertThat(s).isEqualTo(Schema.EMPTY);
        assertThat(s.toString()).isEmpty();
    }
}
