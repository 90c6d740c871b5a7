package io.liteshift.property;

import io.liteshift.testing.TestDb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What SQLite itself reports about a schema through PRAGMAs, independent of the engine's inspector: per table
 * its options, columns (name, type, notnull, default, pk, hidden), foreign keys and indexes (with their key
 * columns), then the names of views, triggers and indexes. Two databases with equal snapshots have the same
 * shape as far as SQLite enforces it.
 */
final class PragmaSnapshot {
    private PragmaSnapshot() {
    }

    static List<String> of(Connection conn) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String t : tableNames(conn)) {
            if (t.startsWith("liteshift_")) continue; // liteshift's own bookkeeping (journal, rename records), not the schema
            String lit = Sql.literal(t);
            out.add("table " + t + " " + TestDb.lines(conn, "SELECT type, ncol, wr, strict FROM pragma_table_list WHERE schema = 'main' AND name = " + lit));
            TestDb.lines(conn, "SELECT name, upper(replace(type, ' ', '')), \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(" + lit + ")")
                    .forEach(r -> out.add("  column " + r));
            out.addAll(sorted(TestDb.lines(conn, "SELECT \"table\", group_concat(\"from\" || '->' || coalesce(\"to\", '<pk>'), ','), on_update, on_delete, \"match\""
                    + " FROM (SELECT * FROM pragma_foreign_key_list(" + lit + ") ORDER BY id, seq) GROUP BY id"), "  foreign key "));
            List<String> indexes = new ArrayList<>();
            for (List<Object> cells : TestDb.rows(conn, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(" + lit + ")")) {
                String name = (String) cells.get(0);
                List<String> keys = TestDb.lines(conn, "SELECT coalesce(name, '<expr>'), \"desc\", coll FROM pragma_index_xinfo("
                        + Sql.literal(name) + ") WHERE key = 1 ORDER BY seqno");
                // automatic indexes are named by position, which a rebuild may legitimately change
                String label = "c".equals(cells.get(2)) ? name : "<auto>";
                indexes.add(label + " unique=" + cells.get(1) + " origin=" + cells.get(2) + " partial=" + cells.get(3) + " keys=" + keys);
            }
            out.addAll(sorted(indexes, "  index "));
        }
        out.addAll(sorted(TestDb.lines(conn, "SELECT type, name, tbl_name FROM sqlite_schema WHERE type IN ('view', 'trigger', 'index')"
                + " AND sql IS NOT NULL"), ""));
        return out;
    }

    private static List<String> sorted(List<String> rows, String prefix) {
        return rows.stream().sorted().map(r -> prefix + r).toList();
    }

    private static List<String> tableNames(Connection conn) throws SQLException {
        return TestDb.lines(conn, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                + " ORDER BY lower(name)");
    }
}
