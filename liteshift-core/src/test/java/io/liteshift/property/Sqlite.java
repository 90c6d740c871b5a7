package io.liteshift.property;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC against real SQLite, for building databases and reading them back. */
final class Sqlite {
    private Sqlite() {
    }

    static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    static void exec(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** Every row as its cells' text joined with " | " (SQL NULL as "<null>"). */
    static List<String> rows(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) sb.append(" | ");
                    String v = rs.getString(i);
                    sb.append(v == null ? "<null>" : v);
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static List<String> tableNames(Connection conn) throws SQLException {
        return rows(conn, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                + " ORDER BY lower(name)");
    }

    /** Column names of a table in declaration order. */
    static List<String> columns(Connection conn, String table) throws SQLException {
        return rows(conn, "SELECT name FROM pragma_table_info(" + Sql.literal(table) + ")");
    }

    static boolean hasRowid(Connection conn, String table) throws SQLException {
        return rows(conn, "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = " + Sql.literal(table)).equals(List.of("0"));
    }

    /**
     * The table's contents with exact types (SQLite's quote()): rowid first when asked, ordered by
     * {@code orderBy} (null: by rowid).
     */
    static List<String> contents(Connection conn, String table, List<String> columns, boolean withRowid, String orderBy)
            throws SQLException {
        String rowid = Sql.rowid(columns);
        if (orderBy == null) orderBy = rowid;
        List<String> cells = new ArrayList<>();
        if (withRowid) cells.add("quote(" + rowid + ")");
        columns.forEach(c -> cells.add("quote(" + Sql.name(c) + ")"));
        if (cells.isEmpty()) cells.add("1");
        return rows(conn, "SELECT " + String.join(", ", cells) + " FROM " + Sql.name(table) + " ORDER BY " + orderBy);
    }

    /** The whole database: its schema objects and every table's rows, to prove a refused push changed nothing. */
    static String dump(Connection conn) throws SQLException {
        StringBuilder sb = new StringBuilder();
        rows(conn, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name").forEach(r -> sb.append(r).append('\n'));
        for (String t : tableNames(conn)) {
            boolean rowid = hasRowid(conn, t);
            sb.append("-- ").append(t).append('\n');
            contents(conn, t, columns(conn, t), rowid, rowid ? null : "1").forEach(r -> sb.append(r).append('\n'));
        }
        return sb.toString();
    }
}
