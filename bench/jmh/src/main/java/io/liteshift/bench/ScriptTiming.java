package io.liteshift.bench;

import io.liteshift.sql.Scripts;
import io.liteshift.sql.Statement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Runs a SQL script through sqlite-jdbc (the SQLite build liteshift uses) with a stopwatch around each statement,
 * in autocommit mode like the sqlite3 CLI. Comparing it with the CLI on the same script separates what the SQLite
 * build costs from what liteshift adds. Extra statements given after the script (e.g. "PRAGMA threads = 2") run
 * first, to try settings.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.liteshift.bench.ScriptTiming DB SCRIPT.sql ["PRAGMA ..." ...]}
 */
public final class ScriptTiming {
    private ScriptTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ScriptTiming DATABASE SCRIPT [SETTING_STATEMENT ...]");
            System.exit(2);
        }
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); java.sql.Statement s = c.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                s.execute(args[i]);
                System.out.println("setting: " + args[i]);
            }
            for (Statement st : Scripts.split(Files.readString(Path.of(args[1])))) {
                long t0 = System.nanoTime();
                s.execute(st.sql());
                System.out.printf("%-60s %9.1f ms%n", oneLine(st.sql()), (System.nanoTime() - t0) / 1e6);
            }
        }
        System.out.printf("%-60s %9.1f ms%n", "total", (System.nanoTime() - start) / 1e6);
    }

    private static String oneLine(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() > 58 ? one.substring(0, 57) + "…" : one;
    }
}
