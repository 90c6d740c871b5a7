package io.liteshift.apply;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Step;
import io.liteshift.schema.Schema;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.SqliteErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a plan all or nothing: foreign key enforcement off before the transaction (inside one SQLite ignores the
 * pragma), every step in one IMMEDIATE transaction, then {@code PRAGMA foreign_key_check} and a re-inspection that
 * must equal the declared schema before COMMIT. Any failure rolls everything back; the previous foreign key
 * setting is restored in every case.
 */
public final class Applier {
    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

    private Applier() {
    }

    /** A check that runs inside the write transaction, before the first step; it throws to refuse. */
    @FunctionalInterface
    public interface Precheck {
        void run(Connection conn) throws SQLException;
    }

    public static void apply(Connection conn, Plan plan, Schema expected) {
        apply(conn, plan, expected, c -> { });
    }

    /**
     * Applies {@code plan}; {@code precheck} runs first under the same write lock, so the rows it judged are the
     * rows the plan changes (no other writer can slip in between).
     */
    public static void apply(Connection conn, Plan plan, Schema expected, Precheck precheck) {
        if (plan.isEmpty()) return;
        try {
            conn.setAutoCommit(true);
            boolean foreignKeysWereOn = pragmaOn(conn, "foreign_keys");
            exec(conn, "PRAGMA foreign_keys = OFF");
            try {
                conn.setAutoCommit(false); // the driver begins IMMEDIATE: the write lock is taken now, not mid-plan
                try {
                    precheck.run(conn);
                    runSteps(conn, plan);
                    checkForeignKeys(conn);
                    checkReached(conn, expected);
                    conn.commit();
                } catch (RuntimeException | SQLException e) {
                    rollback(conn);
                    throw e;
                }
            } finally {
                conn.setAutoCommit(true);
                if (foreignKeysWereOn) exec(conn, "PRAGMA foreign_keys = ON");
            }
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                    "applying the plan failed: " + SqliteErrors.message(e) + ". Nothing was changed.", e);
        }
    }

    private static void runSteps(Connection conn, Plan plan) {
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long t0 = System.nanoTime();
            try {
                exec(conn, step.sql());
            } catch (SQLException e) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                        "step " + (i + 1) + " of " + steps.size() + " failed" + (step.comment().isEmpty() ? "" : " (" + firstLine(step.comment()) + ")")
                                + ": " + SqliteErrors.message(e) + "\n    " + SqlText.oneLine(step.sql())
                                + "\nEverything was rolled back; the database is as it was.", e);
            }
            LOG.debug("step {} took {} ms: {}", i + 1, (System.nanoTime() - t0) / 1_000_000, firstLine(step.comment()));
        }
    }

    private static void checkForeignKeys(Connection conn) throws SQLException {
        Map<String, List<Long>> orphans = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                String key = rs.getString(1) + " -> " + rs.getString(3);
                counts.merge(key, 1L, Long::sum);
                List<Long> sample = orphans.computeIfAbsent(key, k -> new ArrayList<>());
                if (sample.size() < 5) sample.add(rs.getLong(2));
            }
        }
        if (counts.isEmpty()) return;
        String detail = counts.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split(" -> ");
            return "  " + String.format("%,d", e.getValue()) + " row(s) of " + parts[0] + " reference no row of " + parts[1]
                    + " (rowid " + orphans.get(e.getKey()).stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (e.getValue() > 5 ? ", …" : "") + ")";
        }).collect(Collectors.joining("\n"));
        throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DATA,
                "the change would leave rows whose foreign keys point nowhere:\n" + detail
                        + "\nEverything was rolled back. Delete or fix those rows, or keep the parent rows, then push again.");
    }

    /** The last line of defence: the database must now inspect exactly as declared, or nothing is committed. */
    private static void checkReached(Connection conn, Schema expected) throws SQLException {
        List<Change> left = Differ.diff(Inspector.inspect(conn), expected);
        if (!left.isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                    "after the plan ran, the database still differs from the declared schema ("
                            + left.stream().map(Change::describe).collect(Collectors.joining("; "))
                            + "). This is a liteshift bug; everything was rolled back. Please report it with the schema.");
        }
    }

    private static boolean pragmaOn(Connection conn, String pragma) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    private static void exec(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollback(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
