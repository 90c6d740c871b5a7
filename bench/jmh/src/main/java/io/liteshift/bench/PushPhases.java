package io.liteshift.bench;

import io.liteshift.SchemaSource;
import io.liteshift.sqlite.Databases;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.lint.Findings;
import io.liteshift.lint.Linter;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;
import io.liteshift.plan.Step;
import io.liteshift.schema.Schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Where the time of one {@code push} goes, phase by phase, in-process: it does what {@code LiteShift.push} and
 * {@code Applier} do, in the same order on the same connection settings, with a stopwatch around each phase and
 * each step of the plan (the foreign key check covers the whole database here; liteshift checks only the tables
 * the plan touches and their children, which for this benchmark is the same two tables). It changes the database like a push would, so give it a copy.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.liteshift.bench.PushPhases COPY.db new.sql}
 */
public final class PushPhases {
    private PushPhases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PushPhases DATABASE_COPY SCHEMA_FILE");
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        Path schemaFile = Path.of(args[1]);
        long start = System.nanoTime();
        SchemaSource.Loaded declared = phase("load the declared schema", () -> new SchemaSource.Declared(schemaFile).load());
        try (Connection conn = phase("open the database", () -> Databases.open(db, false, false))) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
                rs.next();
                System.out.println("SQLite " + rs.getString(1) + " (sqlite-jdbc)");
            }
            Schema current = phase("inspect the database", () -> Inspector.inspect(conn));
            Plan plan = phase("diff and plan", () -> Planner.plan(current, declared.schema(),
                    Differ.diff(current, declared.schema(), declared.hints())));
            conn.setAutoCommit(true);
            exec(conn, "PRAGMA foreign_keys = OFF");
            exec(conn, "PRAGMA legacy_alter_table = OFF");
            phase("BEGIN IMMEDIATE", () -> {
                conn.setAutoCommit(false);
                return null;
            });
            phase("inspect again under the write lock", () -> Inspector.inspect(conn));
            Findings findings = phase("data checks (Linter.dataCheck)", () -> Linter.dataCheck(conn, plan, current, declared.schema()));
            if (findings.hasViolations()) throw new IllegalStateException("the data checks refuse: " + findings.all());
            List<Step> steps = plan.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                phase("  step " + (i + 1) + ": " + firstLine(step.sql()), () -> {
                    exec(conn, step.sql());
                    return null;
                });
            }
            phase("PRAGMA foreign_key_check", () -> {
                try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                    if (rs.next()) throw new IllegalStateException("foreign key violations");
                }
                return null;
            });
            phase("re-inspect and compare", () -> {
                if (!Differ.diff(Inspector.inspect(conn), declared.schema()).isEmpty()) throw new IllegalStateException("not reached");
                return null;
            });
            phase("COMMIT", () -> {
                conn.commit();
                return null;
            });
            conn.setAutoCommit(true);
            exec(conn, "PRAGMA foreign_keys = ON");
        }
        System.out.printf("%-60s %9.1f ms%n", "total in-process", (System.nanoTime() - start) / 1e6);
    }

    private static <T> T phase(String name, Callable<T> work) throws Exception {
        Timings t = new Timings();
        T result = t.time(work);
        System.out.printf("%-60s %9.1f ms%n", name, t.medianMs());
        return result;
    }

    private static void exec(Connection conn, String sql) throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    private static String firstLine(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() > 50 ? one.substring(0, 50) + "…" : one;
    }
}
