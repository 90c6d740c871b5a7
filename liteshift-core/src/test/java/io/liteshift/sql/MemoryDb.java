package io.liteshift.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a real in-memory SQLite database (or, {@link #onFile}, a file), closed by try-with-resources. */
public final class MemoryDb implements AutoCloseable {

    private final Connection conn;

    private MemoryDb(Connection conn) {
        this.conn = conn;
    }

    public static MemoryDb open() {
        try {
            return new MemoryDb(DriverManager.getConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same helper on a database file (created when missing). */
    public static MemoryDb onFile(Path file) {
        try {
            return new MemoryDb(DriverManager.getConnection("jdbc:sqlite:" + file));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh database with {@code script} run into it, statement by statement. */
    public static MemoryDb with(String script) throws SQLException {
        MemoryDb db = open();
        db.run(script);
        return db;
    }

    public Connection connection() {
        return conn;
    }

    public void run(String script) throws SQLException {
        for (Statement s : Scripts.split(script)) execute(s.sql());
    }

    public void execute(String sql) throws SQLException {
        try (java.sql.Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** Every row of a query, each as its columns' values read as text. */
    public List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (java.sql.Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                out.add(row);
            }
        }
        return out;
    }

    /** The first column of every row. */
    public List<String> column(String sql) throws SQLException {
        return rows(sql).stream().map(r -> r.get(0)).toList();
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
