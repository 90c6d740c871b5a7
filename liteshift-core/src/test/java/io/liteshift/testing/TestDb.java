package io.liteshift.testing;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Real SQLite files (and in-memory databases) for the tests of every module: made from SQL, read back, dumped,
 * checked. Plain JDBC through the real driver, independent of liteshift's own connection handling, so that what a
 * test reads is what an application would read. Every failure is an {@link IllegalStateException} with SQLite's
 * message, so a helper call needs no {@code throws}.
 */
public final class TestDb {
    /** How long a connection waits for another's lock, as an application's would: longer than any test holds one. */
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private TestDb() {
    }

    /** A connection to {@code file} (created when missing), waiting for locks like an application's. */
    public static Connection open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw failed("opening " + file, e);
        }
    }

    /** A fresh in-memory database, gone when closed. */
    public static Connection memory() {
        try {
            return DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw failed("opening an in-memory database", e);
        }
    }

    /**
     * Runs each script (any number of statements) on {@code file}, in order on one connection, as the sqlite3 shell
     * would: each statement on its own unless the script opens a transaction itself. Creates the file when missing.
     */
    public static Path exec(Path file, String... scripts) {
        try (Connection c = open(file)) {
            exec(c, scripts);
            return file;
        } catch (SQLException e) {
            throw failed("closing " + file, e);
        }
    }

    /** {@link #exec(Path, String...)} on an open connection; a {@code PRAGMA foreign_keys} stays set for it. */
    public static void exec(Connection c, String... scripts) {
        for (String script : scripts) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(script); // sqlite-jdbc hands the whole text to sqlite3_exec, which runs every statement
            } catch (SQLException e) {
                throw failed(script, e);
            }
        }
    }

    /** Writes a schema (or any SQL) file for a test project. */
    public static Path writeSchema(Path file, String sql) {
        try {
            return Files.writeString(file, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of a query, each as the values the driver returns (Integer/Long, Double, String, byte[], null). */
    public static List<List<Object>> rows(Connection c, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<List<Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[md.getColumnCount()];
                    for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
                    out.add(Arrays.asList(row));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    public static List<List<Object>> rows(Path file, String sql) {
        try (Connection c = open(file)) {
            return rows(c, sql);
        } catch (SQLException e) {
            throw failed("closing " + file, e);
        }
    }

    /** The first column of every row, as text (null for SQL NULL). */
    public static List<String> column(Connection c, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    public static List<String> column(Path file, String sql) {
        try (Connection c = open(file)) {
            return column(c, sql);
        } catch (SQLException e) {
            throw failed("closing " + file, e);
        }
    }

    /**
     * Every row as the sqlite3 shell lists it, its values' text joined with "|" ("1|Ada"), for comparing whole rows;
     * SQL NULL as {@code <null>}, where the shell's empty text would hide it.
     */
    public static List<String> lines(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    line.append(i > 1 ? "|" : "").append(v == null ? "<null>" : v);
                }
                out.add(line.toString());
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    public static List<String> lines(Path file, String sql) {
        try (Connection c = open(file)) {
            return lines(c, sql);
        } catch (SQLException e) {
            throw failed("closing " + file, e);
        }
    }

    /** The first value of the first row, as text. */
    public static String text(Path file, String sql) {
        List<String> values = column(file, sql);
        if (values.isEmpty()) throw new IllegalStateException("no row from " + sql + " on " + file);
        return values.get(0);
    }

    /** The first value of the first row, as a number. */
    public static long queryLong(Path file, String sql) {
        return Long.parseLong(text(file, sql));
    }

    public static long count(Path file, String table) {
        return queryLong(file, "SELECT count(*) FROM " + quote(table));
    }

    /** "ok" from PRAGMA integrity_check, and no row from PRAGMA foreign_key_check. */
    public static boolean sound(Path file) {
        return column(file, "PRAGMA integrity_check").equals(List.of("ok")) && column(file, "PRAGMA foreign_key_check").isEmpty();
    }

    /** Everything in the file a user could notice: see {@link #dump(Connection)}. */
    public static String dump(Path file) {
        try (Connection c = open(file)) {
            return dump(c);
        } catch (SQLException e) {
            throw failed("closing " + file, e);
        }
    }

    /**
     * Everything in a database a user could notice, in a stable order: every schema object with its SQL, then every
     * table's rows (rowid first where there is one, in rowid order) with each value written as SQL writes it, so
     * that 1, 1.0, '1' and X'31' differ. Equal dumps mean equal databases.
     */
    public static String dump(Connection c) {
        StringBuilder out = new StringBuilder();
        List<String> tables = new ArrayList<>();
        for (List<Object> r : rows(c, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")) {
            out.append(r.get(0)).append(' ').append(r.get(1)).append(" on ").append(r.get(2)).append(": ").append(r.get(3)).append('\n');
            if ("table".equals(r.get(0))) tables.add((String) r.get(1));
        }
        for (String t : tables) {
            boolean withoutRowid = rows(c, "SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND name = ? AND wr", t).size() == 1;
            out.append("rows of ").append(t).append('\n');
            String select = withoutRowid ? "SELECT * FROM " + quote(t) : "SELECT rowid, * FROM " + quote(t) + " ORDER BY rowid";
            for (List<Object> row : rows(c, select)) {
                List<String> cells = new ArrayList<>();
                for (Object v : row) cells.add(literal(v));
                out.append("  ").append(String.join(" | ", cells)).append('\n');
            }
        }
        return out.toString();
    }

    /** An identifier in double quotes, always (the tests' SQL never depends on liteshift's quoting rules). */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(Object v) {
        if (v == null) return "NULL";
        if (v instanceof byte[] b) return "X'" + HexFormat.of().formatHex(b) + "'";
        if (v instanceof String s) return "'" + s.replace("'", "''") + "'";
        return v.toString();
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(e.getMessage() + " (" + what + ")", e);
    }
}
