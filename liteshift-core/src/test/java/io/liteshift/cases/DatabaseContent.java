package io.liteshift.cases;

import io.liteshift.testing.TestDb;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What a database holds, read three ways: a full dump, row counts per table, and each column's values in row order. */
final class DatabaseContent {
    /** Names that belong to SQLite itself or to migration tools, never to the user's schema. */
    static final Pattern TOOL_TABLES = Pattern.compile(
            "^(sqlite_|liteshift|_liteshift|__drizzle|atlas_|flyway_|_litestream|__litefs)", Pattern.CASE_INSENSITIVE);

    private DatabaseContent() {
    }

    /**
     * The logical content: every schema entry and every row of every table (sqlite_sequence included), each
     * value tagged with its storage class. Two equal dumps mean nothing a user could see has changed.
     */
    static List<String> dump(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<Object> r : TestDb.rows(c, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")) {
            String name = (String) r.get(1);
            if (isToolName(name) && !name.startsWith("sqlite_")) continue;
            out.add("schema " + r);
        }
        for (String table : TestDb.column(c, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            if (isToolName(table) && !table.equals("sqlite_sequence")) continue;
            for (List<Object> row : TestDb.rows(c, "SELECT * FROM " + TestDb.quote(table) + " ORDER BY " + orderOf(c, table))) {
                StringBuilder sb = new StringBuilder("row ").append(table);
                for (Object v : row) sb.append(" | ").append(tagged(v));
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** Rows per user table (virtual and shadow tables too), keyed by lower-cased name. */
    static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (String table : TestDb.column(c, "SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            if (isToolName(table)) continue;
            Object n = TestDb.rows(c, "SELECT count(*) FROM " + TestDb.quote(table)).get(0).get(0);
            out.put(lower(table), ((Number) n).longValue());
        }
        return out;
    }

    /** A column's declared type, NOT NULL flag and values in row order. */
    record ColumnValues(String type, boolean notNull, List<String> values) {
        boolean sameDeclaration(ColumnValues other) {
            return type.equals(other.type) && notNull == other.notNull;
        }
    }

    /** Every stored (not generated) column of every ordinary table, keyed by "table.column" lower-cased. */
    static Map<String, ColumnValues> columnValues(Connection c) throws SQLException {
        Map<String, ColumnValues> out = new TreeMap<>();
        for (List<Object> t : TestDb.rows(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")) {
            String table = (String) t.get(0);
            if (isToolName(table)) continue;
            String order = orderOf(c, table);
            for (List<Object> col : TestDb.rows(c, "SELECT name, type, \"notnull\", hidden FROM pragma_table_xinfo(?)", table)) {
                if (((Number) col.get(3)).intValue() != 0) continue; // generated columns are recomputed, not kept
                String name = (String) col.get(0);
                List<String> values = new ArrayList<>();
                for (List<Object> r : TestDb.rows(c, "SELECT " + TestDb.quote(name) + " FROM " + TestDb.quote(table) + " ORDER BY " + order)) {
                    values.add(comparable(r.get(0)));
                }
                String type = col.get(1) == null ? "" : ((String) col.get(1)).toUpperCase(Locale.ROOT);
                out.put(lower(table) + "." + lower(name), new ColumnValues(type, ((Number) col.get(2)).intValue() != 0, values));
            }
        }
        return out;
    }

    /** Row order: rowid, or the primary key of a WITHOUT ROWID table (which has no rowid to order by). */
    private static String orderOf(Connection c, String table) throws SQLException {
        List<List<Object>> wr = TestDb.rows(c, "SELECT wr FROM pragma_table_list WHERE name = ? AND schema = 'main'", table);
        boolean withoutRowid = !wr.isEmpty() && ((Number) wr.get(0).get(0)).intValue() == 1;
        if (!withoutRowid) return "rowid";
        List<String> pk = new ArrayList<>();
        List<List<Object>> cols = TestDb.rows(c, "SELECT name, pk FROM pragma_table_xinfo(?) WHERE pk > 0", table);
        cols.sort(Comparator.comparingInt(r -> ((Number) r.get(1)).intValue()));
        for (List<Object> r : cols) pk.add(TestDb.quote((String) r.get(0)));
        return String.join(", ", pk);
    }

    /** Numbers compare by value (1 equals 1.0), text and blobs by content. */
    private static String comparable(Object v) {
        if (v == null) return "null";
        if (v instanceof Double d && d.isInfinite()) return "num " + d;
        if (v instanceof Number n) return "num " + new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        if (v instanceof byte[] b) return "blob " + HexFormat.of().formatHex(b);
        return "text " + v;
    }

    private static String tagged(Object v) {
        if (v == null) return "NULL";
        if (v instanceof Double d) return "real " + Double.toString(d);
        if (v instanceof Number n) return "integer " + n;
        if (v instanceof byte[] b) return "blob " + HexFormat.of().formatHex(b);
        return "text " + v;
    }

    static boolean isToolName(String name) {
        return TOOL_TABLES.matcher(name).find();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
