package io.liteshift.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of one table as the demo checks them: how many, and per column a SHA-256 over its values in rowid order.
 * "The rows are intact" then means equal values, not only equal counts, in every column two versions of a table
 * share (a rebuild keeps rowids; a column added or dropped leaves the others comparable).
 */
record TableRows(String table, long count, Map<String, String> columns) {

    /** Every table of the database (SQLite's own excepted), by name. */
    static Map<String, TableRows> of(Connection c) throws SQLException {
        Map<String, TableRows> out = new LinkedHashMap<>();
        for (String t : tables(c)) out.put(t, of(c, t));
        return out;
    }

    static TableRows of(Connection c, String table) throws SQLException {
        List<String> names = columns(c, table);
        String select = "SELECT " + names.stream().map(TableRows::quoted).collect(Collectors.joining(", "))
                + " FROM " + quoted(table);
        List<MessageDigest> digests = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) digests.add(sha256());
        long count = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select + " ORDER BY " + order(c, table, names.size()))) {
            while (rs.next()) {
                count++;
                for (int i = 0; i < names.size(); i++) {
                    Object v = rs.getObject(i + 1);
                    // the type tag keeps NULL, 1 and '1' apart
                    digests.get(i).update((v == null ? "N" : v.getClass().getSimpleName().charAt(0) + v.toString()).getBytes(StandardCharsets.UTF_8));
                    digests.get(i).update((byte) 0);
                }
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) columns.put(names.get(i), HexFormat.of().formatHex(digests.get(i).digest()));
        return new TableRows(table, count, columns);
    }

    /** The columns both versions have whose values differ (empty: the same values, row for row). */
    List<String> changedIn(TableRows later) {
        return columns.keySet().stream().filter(later.columns::containsKey)
                .filter(k -> !columns.get(k).equals(later.columns.get(k))).toList();
    }

    /** By rowid, which a rebuild keeps; a WITHOUT ROWID table by all of its columns. */
    private static String order(Connection c, String table, int columns) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT rowid FROM " + quoted(table) + " LIMIT 0").close();
            return "rowid";
        } catch (SQLException withoutRowid) {
            StringBuilder order = new StringBuilder("1");
            for (int i = 2; i <= columns; i++) order.append(", ").append(i);
            return order.toString();
        }
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                     + " ORDER BY name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * A name as SQL writes it, in double quotes. The demo checks liteshift's work from outside, as an application
     * would, so it writes its own SQL rather than through liteshift's.
     */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A plain connection, as an application opens one (the demo checks through it what a user would see). */
    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
