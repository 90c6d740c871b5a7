package io.liteshift.bench;

import io.liteshift.SchemaSource;
import io.liteshift.apply.Applier;
import io.liteshift.sqlite.Databases;
import io.liteshift.plan.Plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The diff benchmark as a plain timing, for a quick figure without JMH: each way of diffing the two wide schemas
 * is run once cold (as the command line would, in a fresh JVM the first call includes class loading and the
 * interpreter) and then {@code reps} times warm. Before timing, the plan is checked for real by applying it to a
 * copy of the source database: the Applier refuses to commit unless the result inspects exactly as declared.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.liteshift.bench.DiffTiming [tables=1000] [reps=10]}
 */
public final class DiffTiming {
    private DiffTiming() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : WideSchemas.DEFAULT_TABLES;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (DiffFixture f = new DiffFixture(tables)) {
            Map<String, Callable<Plan>> ways = new LinkedHashMap<>();
            ways.put("databaseToDeclared", f::databaseToDeclared);
            ways.put("databaseToDatabase", f::databaseToDatabase);
            ways.put("declaredToDeclared", f::declaredToDeclared);
            ways.put("diffAndPlanOnly", f::diffAndPlanOnly);

            Timings cold = new Timings();
            Plan plan = cold.time(ways.get("databaseToDeclared"));
            System.out.printf("%d tables: plan of %d changes, %d steps, %d rebuilt tables%n",
                    tables, plan.changes().size(), plan.steps().size(), plan.rebuilds().size());
            System.out.printf("%-20s cold (first call in this JVM): %.1f ms%n", "databaseToDeclared", cold.medianMs());
            checkPlanReachesTarget(f, plan);

            for (Map.Entry<String, Callable<Plan>> way : ways.entrySet()) {
                Timings warm = new Timings();
                for (int i = 0; i < reps; i++) warm.time(way.getValue());
                System.out.printf("%-20s warm: %s%n", way.getKey(), warm);
            }
        }
    }

    private static void checkPlanReachesTarget(DiffFixture f, Plan plan) throws Exception {
        Path copy = Files.copy(f.sourceDb, f.dir.resolve("applied.db"));
        try (Connection c = Databases.open(copy, false, false)) {
            Applier.apply(c, plan, new SchemaSource.Declared(f.targetSql).load().schema());
        }
        System.out.println("check: the plan applied to a copy of the source database gives exactly the declared target");
    }
}
