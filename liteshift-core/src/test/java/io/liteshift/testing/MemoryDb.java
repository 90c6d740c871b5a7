package io.liteshift.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One open database for a test that works on it step by step: in memory ({@link #open}, {@link #with}) or on a file
 * ({@link #onFile}), closed by try-with-resources. The reading and writing are {@link TestDb}'s.
 */
public final class MemoryDb implements AutoCloseable {

    private final Connection conn;

    private MemoryDb(Connection conn) {
        this.conn = conn;
    }

    public static MemoryDb open() {
        return new MemoryDb(TestDb.memory());
    }

    /** The same helper on a database file (created when missing). */
    public static MemoryDb onFile(Path file) {
        return new MemoryDb(TestDb.open(file));
    }

    /** A fresh database with {@code script} run into it. */
    public static MemoryDb with(String script) {
        MemoryDb db = open();
        db.run(script);
        return db;
    }

    public Connection connection() {
        return conn;
    }

    /** Runs a script of any number of statements. */
    public void run(String script) {
        TestDb.exec(conn, script);
    }

    public void execute(String sql) {
        TestDb.exec(conn, sql);
    }

    /** Every row of a query, each as its columns' values read as text. */
    public List<List<String>> rows(String sql) {
        List<List<String>> out = new ArrayList<>();
        for (List<Object> row : TestDb.rows(conn, sql)) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) cells.add(v == null ? null : v instanceof byte[] b ? new String(b) : v.toString());
            out.add(cells);
        }
        return out;
    }

    /** The first column of every row. */
    public List<String> column(String sql) {
        return TestDb.column(conn, sql);
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
