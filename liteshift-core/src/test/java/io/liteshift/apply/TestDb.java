package io.liteshift.apply;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite files for the apply tests: build one from a script, and dump its logical content. */
final class TestDb {
    private TestDb() {
    }

    static Path create(Path dir, String name, String script) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : script.split(";")) if (!sql.isBlank()) s.execute(sql);
        }
        return file;
    }

    /** Schema SQL and every row of every table, in a stable order: equal dumps mean equal logical content. */
    static List<String> dump(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_schema ORDER BY name")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                    if (rs.getString(1).equals("table")) tables.add(rs.getString(2));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(t).append(':');
                        for (int i = 1; i <= n; i++) row.append(' ').append(rs.getString(i));
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }

    static long count(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
