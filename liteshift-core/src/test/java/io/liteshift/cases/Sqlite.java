package io.liteshift.cases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plain JDBC access for the case runner, independent of the engine's own connection handling. */
final class Sqlite {
    private Sqlite() {
    }

    static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    /** Runs a whole script with foreign keys enforced, so a case cannot start from rows that break its own keys. */
    static void build(Path file, String script) throws SQLException {
        try (Connection c = open(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            if (!script.isBlank()) s.executeUpdate(script); // sqlite-jdbc runs every statement of the script
        }
    }

    /** Every row of a query, each as the column values the driver returns (Long/Integer, Double, String, byte[], null). */
    static List<List<Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
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
        }
    }

    /** The first column of every row, as text. */
    static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows(c, sql, args)) out.add(r.get(0) == null ? null : r.get(0).toString());
        return out;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
