package io.liteshift.online;

import io.liteshift.apply.Applier;
import io.liteshift.hints.RenameHints;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.plan.Pipeline;
import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.Databases;
import io.liteshift.testing.TestDb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Real database files for the online tests: made from a script in WAL mode, changed online or offline (liteshift's
 * own offline path), and dumped for comparison: schema texts, every row with its rowid, sqlite_sequence, and SQLite's
 * integrity and foreign key checks.
 */
final class OnlineDb {
    private OnlineDb() {
    }

    static Path create(Path file, String script) throws SQLException {
        return TestDb.exec(file, "PRAGMA journal_mode = WAL", script);
    }

    static Connection open(Path file) throws SQLException {
        Connection c = Databases.open(file, false, false);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON"); // as an application that declares foreign keys runs
        }
        return c;
    }

    static void exec(Path file, String script) throws SQLException {
        TestDb.exec(file, "PRAGMA foreign_keys = ON", script); // as an application that declares foreign keys runs
    }

    static Schema declared(String sql) {
        return DeclaredSchema.ofSql(sql).schema();
    }

    static Schema inspect(Path file) throws SQLException {
        try (Connection c = Databases.open(file, false, true)) {
            return Inspector.inspect(c);
        }
    }

    static Plan plan(Path file, Schema declared) throws SQLException {
        return Pipeline.plan(inspect(file), declared, RenameHints.NONE);
    }

    /** The offline change: liteshift's plan applied in one transaction. */
    static void offline(Path file, Schema declared) throws SQLException {
        try (Connection c = Databases.open(file, false, false)) {
            Applier.apply(c, Pipeline.plan(Inspector.inspect(c), declared, RenameHints.NONE), declared);
        }
    }

    /** The rebuild of {@code table} as the plan maps it, online. */
    static OnlineRebuild online(Path file, Schema declared, String table, OnlineOptions options) throws SQLException {
        Schema current = inspect(file);
        TableMapping m = Pipeline.plan(current, declared, RenameHints.NONE).rebuilds().stream()
                .filter(r -> r.from().name().equalsIgnoreCase(table)).findFirst()
                .orElseThrow(() -> new AssertionError("the plan rebuilds no " + table));
        return OnlineRebuild.of(file, current, declared, m, options);
    }

    /** A copy of {@code file} at {@code to} with the offline change to {@code declared} applied: the expected result. */
    static Path rebuiltOffline(Path file, Path to, Schema declared) throws Exception {
        offline(copy(file, to), declared);
        return to;
    }

    static Path copy(Path file, Path to) throws Exception {
        try (Connection c = Databases.open(file, false, false); Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + to.toString().replace("'", "''") + "'");
        }
        try (Connection c = Databases.open(to, false, false); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        }
        return to;
    }

    /** Everything the comparison looks at; equal dumps mean the same database to the application. */
    static List<String> dump(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = Databases.open(file, false, true); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " on " + rs.getString(3) + ": " + rs.getString(4));
                    if (rs.getString(1).equals("table") && !rs.getString(2).startsWith("sqlite_")) tables.add(rs.getString(2));
                }
            }
            for (String t : tables) {
                boolean rowid = !rows(s, "SELECT sql FROM sqlite_schema WHERE name = '" + t + "'").get(0).toUpperCase().contains("WITHOUT ROWID");
                out.addAll(rows(s, "SELECT '" + t + "'" + (rowid ? ", _rowid_" : "") + ", * FROM \"" + t + "\" ORDER BY " + (rowid ? "_rowid_" : "1")));
            }
            if (!rows(s, "SELECT name FROM sqlite_schema WHERE name = 'sqlite_sequence'").isEmpty()) {
                out.addAll(rows(s, "SELECT 'sqlite_sequence', name, seq FROM sqlite_sequence ORDER BY name"));
            }
            out.add("integrity_check: " + rows(s, "PRAGMA integrity_check"));
            out.add("foreign_key_check: " + rows(s, "PRAGMA foreign_key_check"));
        }
        return out;
    }

    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(i == 1 ? "" : " | ").append(rs.getString(i)).append(i == 1 ? "" : typeOf(rs.getObject(i)));
                out.add(b.toString());
            }
        }
        return out;
    }

    private static String typeOf(Object o) {
        return o == null ? "" : o instanceof String ? "'" : o instanceof byte[] ? "b" : o instanceof Double ? "r" : "";
    }

    static long count(Path file, String sql) throws SQLException {
        return TestDb.queryLong(file, sql);
    }

    static boolean leftovers(Path file) throws SQLException {
        return count(file, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '\\_liteshift%' ESCAPE '\\'") > 0;
    }

    static void delete(Path file) throws Exception {
        for (String side : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(file.resolveSibling(file.getFileName() + side));
    }
}
