package io.liteshift.cases;

import io.liteshift.testing.TestDb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each column's collating sequence. No PRAGMA reports it for a table column, but an index on the bare column
 * inherits it and index_xinfo reports that; so the tables are recreated in a scratch in-memory database (the
 * database under test is never written) and each column indexed there once.
 */
final class ColumnCollations {
    private ColumnCollations() {
    }

    /** "table.column" (lower-cased) to the collation name (lower-cased), for ordinary tables. */
    static Map<String, String> of(List<List<Object>> schemaEntries) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection scratch = TestDb.memory(); Statement s = scratch.createStatement()) {
            for (List<Object> e : schemaEntries) {
                String name = (String) e.get(1);
                String sql = (String) e.get(3);
                if (!"table".equals(e.get(0)) || sql == null || DatabaseContent.isToolName(name)) continue;
                if (sql.strip().toLowerCase(Locale.ROOT).startsWith("create virtual")) continue;
                try {
                    s.executeUpdate(sql);
                } catch (SQLException ignored) {
                    continue; // e.g. a shadow table already created by its virtual table: not compared anyway
                }
                for (String column : TestDb.column(scratch, "SELECT name FROM pragma_table_xinfo(?)", name)) {
                    s.executeUpdate("CREATE INDEX oracle_collation ON " + TestDb.quote(name) + "(" + TestDb.quote(column) + ")");
                    List<String> coll = TestDb.column(scratch, "SELECT coll FROM pragma_index_xinfo('oracle_collation') WHERE key = 1");
                    out.put(DatabaseContent.lower(name) + "." + DatabaseContent.lower(column), DatabaseContent.lower(coll.get(0)));
                    s.executeUpdate("DROP INDEX oracle_collation");
                }
            }
        }
        return out;
    }
}
