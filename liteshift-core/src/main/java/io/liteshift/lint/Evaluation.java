package io.liteshift.lint;

import io.liteshift.plan.TableMapping;
import io.liteshift.sql.SqliteErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Counts the rows of a table, seen through the plan ({@link Projection}), for which a condition holds, and apart
 * from them the rows on which evaluating it raises an error: a new CHECK with {@code json_extract} over text that
 * is not JSON stops SQLite's query, and would stop the rebuild's copy, at the first such row. Those rows are found
 * by halving the range of rows until each one that raises stands alone (a small range is tried row by row), so a
 * condition that evaluates everywhere costs one query, as before.
 */
final class Evaluation {
    /** Rows tried one by one once a failing range is this small. */
    private static final int ONE_BY_ONE = 32;
    private static final String ROWS = "temp._liteshift_rows";
    private static final String N = "__liteshift_n";

    /**
     * @param matching    rows, among those that evaluate, for which the condition holds
     * @param failing     rows on which evaluating it raises an error
     * @param failingKeys the keys of the first of those ({@link Samples#KEYS} at most), in row order
     * @param error       SQLite's message for the first of them, or null when none fails
     */
    record Result(long matching, long failing, List<String> failingKeys, String error) {
    }

    private Evaluation() {
    }

    /** The condition (SQL over the declared columns, the table named as declared) over every row of {@code m}. */
    static Result count(Connection db, TableMapping m, String condition) throws SQLException {
        String sql = "SELECT count(*) FROM " + Projection.aliased(m, Projection.of(m)) + " WHERE " + condition;
        try (PreparedStatement ps = db.prepareStatement(sql)) { // a statement that does not compile is a plain error
            try (ResultSet rs = ps.executeQuery()) {
                return new Result(rs.next() ? rs.getLong(1) : 0, 0, List.of(), null);
            } catch (SQLException raised) {
                return rowByRow(db, m, condition);
            }
        }
    }

    /** The rows copied into a TEMP table (the stored columns: only the condition and generated columns can raise) and searched. */
    private static Result rowByRow(Connection db, TableMapping m, String condition) throws SQLException {
        List<String> columns = Projection.storedColumns(m);
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + ROWS);
            s.execute("CREATE TEMP TABLE _liteshift_rows (" + N + " INTEGER PRIMARY KEY, " + String.join(", ", columns) + ")");
            try {
                s.execute("INSERT INTO " + ROWS + " SELECT NULL, * FROM (" + Projection.stored(m) + ")");
                return search(db, m, condition, columns, Rows.count(db, "SELECT max(" + N + ") FROM " + ROWS));
            } finally {
                s.execute("DROP TABLE " + ROWS);
            }
        }
    }

    private static Result search(Connection db, TableMapping m, String condition, List<String> columns, long rows) throws SQLException {
        String range = "SELECT " + String.join(", ", columns) + " FROM " + ROWS + " WHERE " + N + " BETWEEN ? AND ?";
        String count = "SELECT count(*) FROM " + Projection.aliased(m, Projection.computed(m, range)) + " WHERE " + condition;
        long matching = 0;
        long failing = 0;
        List<Long> firstFailing = new ArrayList<>();
        String error = null;
        Deque<long[]> todo = new ArrayDeque<>();
        todo.push(new long[]{1, rows});
        PreparedStatement ps = db.prepareStatement(count);
        try {
            while (!todo.isEmpty()) {
                long[] r = todo.pop();
                try {
                    matching += countIn(ps, r[0], r[1]);
                } catch (SQLException e) {
                    ps.close(); // the driver does not run a statement again after it failed
                    ps = db.prepareStatement(count);
                    if (r[0] == r[1]) {
                        failing++;
                        if (firstFailing.size() < Samples.KEYS) firstFailing.add(r[0]);
                        if (error == null) error = SqliteErrors.message(e);
                    } else if (r[1] - r[0] < ONE_BY_ONE) {
                        for (long n = r[1]; n >= r[0]; n--) todo.push(new long[]{n, n}); // in row order
                    } else {
                        long mid = (r[0] + r[1]) / 2;
                        todo.push(new long[]{mid + 1, r[1]});
                        todo.push(new long[]{r[0], mid});
                    }
                }
            }
        } finally {
            ps.close();
        }
        return new Result(matching, failing, keysOf(db, firstFailing), error);
    }

    private static long countIn(PreparedStatement ps, long from, long to) throws SQLException {
        ps.setLong(1, from);
        ps.setLong(2, to);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<String> keysOf(Connection db, List<Long> rowNumbers) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT " + Projection.KEY + " FROM " + ROWS + " WHERE " + N + " = ?")) {
            for (long n : rowNumbers) {
                ps.setLong(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
