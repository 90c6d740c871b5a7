package io.liteshift.inspect;

import io.liteshift.schema.Column;
import io.liteshift.schema.Index;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.View;
import io.liteshift.schema.VirtualTable;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.SqlText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the schema of the {@code main} database of a connection into the model. The one inspection path:
 * live databases and declared schemas (executed into memory first) both come through here.
 */
public final class Inspector {

    private Inspector() {
    }

    /**
     * SQLite's internals, liteshift's own bookkeeping and other tools' history tables ({@link Bookkeeping}) are never
     * part of a schema: not inspected, so never compared, reported as drift, or dropped by a push.
     */
    public static boolean isIgnored(String name) {
        return Bookkeeping.isBookkeeping(name);
    }

    public static Schema inspect(Connection conn) throws SQLException {
        return inspect(conn, null);
    }

    /**
     * Tables already read, by their CREATE TABLE text. A table's (or index's) model follows from that text alone
     * (SQLite rewrites it on every ALTER), so a replay that inspects after each migration reads again only the tables that changed.
     */
    public static final class Memo {
        private final Map<String, Table> tables = new HashMap<>();
        private final Map<String, Index> indexes = new HashMap<>();
    }

    /** As {@link #inspect(Connection)}, reusing the tables {@code memo} holds (null: none) and adding the new ones. */
    public static Schema inspect(Connection conn, Memo memo) throws SQLException {
        Map<String, TableInfo> info = tableList(conn);
        List<Table> tables = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        List<VirtualTable> virtuals = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY rowid")) {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                String tblName = rs.getString(3);
                String sql = rs.getString(4);
                if (sql == null || isIgnored(name) || isIgnored(tblName)) continue;
                TableInfo ti = info.get(Identifiers.fold(tblName));
                try {
                    switch (type) {
                        case "table" -> {
                            if (ti != null && ti.kind.equals("shadow")) continue;
                            boolean virtual = ti != null ? ti.kind.equals("virtual")
                                    : sql.regionMatches(true, 0, "CREATE VIRTUAL", 0, 14);
                            if (virtual) virtuals.add(new VirtualTable(name, sql));
                            else tables.add(memo == null ? table(conn, sql, ti) : remembered(memo, conn, sql, ti));
                        }
                        case "index" -> {
                            if (ti == null || !ti.kind.equals("shadow")) {
                                indexes.add(memo == null ? CreateIndexParser.parse(sql) : memo.indexes.computeIfAbsent(sql, CreateIndexParser::parse));
                            }
                        }
                        case "view" -> views.add(new View(name, sql));
                        case "trigger" -> triggers.add(new Trigger(name, tblName, sql));
                        default -> { }
                    }
                } catch (SqlSyntaxException e) {
                    throw new SQLException("cannot read the definition of " + type + " " + name + ": " + e.getMessage()
                            + "\n  " + sql);
                }
            }
        }
        return new Schema(tables, indexes, views, triggers, virtuals);
    }

    private record TableInfo(String kind, boolean withoutRowid, boolean strict) {
    }

    private static Map<String, TableInfo> tableList(Connection conn) throws SQLException {
        Map<String, TableInfo> out = new HashMap<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'")) {
            while (rs.next()) {
                out.put(Identifiers.fold(rs.getString(1)), new TableInfo(rs.getString(2), rs.getInt(3) != 0, rs.getInt(4) != 0));
            }
        }
        return out;
    }

    private static Table remembered(Memo memo, Connection conn, String sql, TableInfo ti) throws SQLException {
        Table known = memo.tables.get(sql);
        if (known == null) {
            known = table(conn, sql, ti);
            memo.tables.put(sql, known);
        }
        return known;
    }

    private static Table table(Connection conn, String sql, TableInfo ti) throws SQLException {
        Table parsed = CreateTableParser.parse(sql);
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_xinfo(?) ORDER BY cid")) {
            ps.setString(1, parsed.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    Column declared = parsed.column(name).orElseThrow(
                            () -> new SQLException("column " + name + " of " + parsed.name() + " is missing from its CREATE TABLE"));
                    // a DEFAULT is re-used inside other SQL (a copy's coalesce, an UPDATE): without its comments
                    columns.add(new Column(name, rs.getString(2), rs.getInt(3) != 0, SqlText.inline(rs.getString(4)),
                            declared.collation(), declared.generated(), declared.definition(), declared.clauses()));
                }
            }
        }
        boolean withoutRowid = ti != null ? ti.withoutRowid : parsed.withoutRowid();
        boolean strict = ti != null ? ti.strict : parsed.strict();
        return new Table(parsed.name(), columns, parsed.primaryKey(), parsed.uniques(), parsed.checks(),
                parsed.foreignKeys(), withoutRowid, strict, sql);
    }
}
