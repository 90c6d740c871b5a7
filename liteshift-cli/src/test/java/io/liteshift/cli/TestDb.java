package io.liteshift.cli;

import io.liteshift.sql.Scripts;
import io.liteshift.sql.Statement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite files for the tests: made from SQL, read back as a dump, counted and checked. */
final class TestDb {
    private TestDb() {
    }

    /**
     * Runs {@code sql} (any number of statements) on {@code file} as the sqlite3 shell would, each statement on
     * its own unless the script opens a transaction itself; creates the file when missing.
     */
    static Path exec(Path file, String sql) {
        try (Connection c = open(file)) {
            for (Statement s : Scripts.split(sql)) {
                try (var st = c.createStatement()) {
                    st.execute(s.sql());
                }
            }
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path writeSchema(Path file, String sql) {
        try {
            return Files.writeString(file, sql);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything in the file a user could notice: the schema and every row of every table, in rowid order. */
    static String dump(Path file) {
        StringBuilder sb = new StringBuilder();
        try (Connection c = open(file)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(": ").append(rs.getString(3)).append('\n');
                    if (rs.getString(1).equals("table")) tables.add(rs.getString(2));
                }
            }
            for (String t : tables) {
                sb.append("rows of ").append(t).append('\n');
                try (ResultSet rs = c.createStatement().executeQuery("SELECT rowid, * FROM \"" + t + "\" ORDER BY rowid")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) sb.append(i == 1 ? "  " : " | ").append(rs.getString(i));
                        sb.append('\n');
                    }
                }
            }
            return sb.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Path file, String table) {
        return queryLong(file, "SELECT count(*) FROM \"" + table + "\"");
    }

    static long queryLong(Path file, String sql) {
        try (Connection c = open(file); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> column(Path file, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = open(file); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) values.add(rs.getString(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "ok" from PRAGMA integrity_check, and no row from PRAGMA foreign_key_check. */
    static boolean sound(Path file) {
        return column(file, "PRAGMA integrity_check").equals(List.of("ok"))
                && column(file, "PRAGMA foreign_key_check").isEmpty();
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
