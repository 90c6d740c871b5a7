package io.liteshift.bench;

import io.liteshift.LiteShift;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrationLint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * {@code lint --db} on a 1,000,000-row table, as a plain timing (target: under 2 s). The pending migration is a
 * hand-written 12-step rebuild of {@code events} that makes a column with NULLs NOT NULL, adds a CHECK, a FOREIGN
 * KEY and a UNIQUE, and drops a column: every data-dependent rule counts over all the rows, and the rebuild is sized.
 * Times the first call in a fresh JVM, then {@code reps} warm calls, then whole {@code ./liteshift lint --db}
 * processes (the launcher; build the jar first so that no build is timed).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.liteshift.bench.LintTiming [rows=1000000] [reps=5]}, from the
 * repository root. The database is built once into bench/work/lint-N/ (not timed).
 */
public final class LintTiming {
    private LintTiming() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Path.of("bench", "work", "lint-" + rows).toAbsolutePath();
        Path migrations = work.resolve("migrations");
        Path db = work.resolve("app.db");
        if (!Files.exists(db)) prepare(work, migrations, db, rows);
        MigrationDirectory dir = MigrationDirectory.of(migrations);

        Timings first = new Timings();
        LintReport r = first.time(() -> MigrationLint.lint(dir, db, 0));
        for (LintIssue i : r.issues()) System.out.println("  " + i);
        System.out.printf("lint --db, %,d rows, first call in this JVM: %8.1f ms%n", rows, first.medianMs());
        Timings warm = new Timings();
        for (int i = 0; i < reps; i++) warm.time(() -> MigrationLint.lint(dir, db, 0));
        System.out.printf("lint --db, %,d rows, warm:                   %s%n", rows, warm);
        Path launcher = Path.of("liteshift");
        if (Files.exists(launcher)) {
            Timings process = new Timings();
            for (int i = 0; i < Math.max(3, reps / 2); i++) {
                process.time(() -> new ProcessBuilder("./liteshift", "lint", "--db", db.toString(), "--dir",
                        migrations.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
            }
            System.out.printf("liteshift lint --db, whole process:         %s%n", process);
            System.out.printf("target: whole process under 2 s: %s%n", process.medianMs() < 2000 ? "met" : "NOT met");
        }
        System.out.printf("target: in-process first call under 2 s: %s%n", first.medianMs() < 2000 ? "met" : "NOT met");
    }

    private static void prepare(Path work, Path migrations, Path db, int rows) throws Exception {
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("0001_base.sql"), """
                CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE events (id INTEGER PRIMARY KEY, account_id INTEGER, kind TEXT, amount INTEGER, note TEXT, ref TEXT);
                CREATE INDEX events_account ON events (account_id);
                """);
        LiteShift.configure().migrations(migrations).load().hash();
        LiteShift.configure().database(db.toString()).migrations(migrations).createMissing(true).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO accounts SELECT i, 'a' || i FROM n");
            // every 1000th kind is NULL, every 5000th amount negative, every 7000th account missing, refs unique but one
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") INSERT INTO events"
                    + " SELECT i, CASE WHEN i % 7000 = 0 THEN 5000 ELSE 1 + i % 1000 END, CASE WHEN i % 1000 = 0 THEN NULL ELSE 'k' || (i % 7) END,"
                    + " CASE WHEN i % 5000 = 0 THEN -1 ELSE i % 977 END, 'note ' || i, CASE WHEN i = 2 THEN 'r1' ELSE 'r' || i END FROM n");
            s.execute("COMMIT");
        }
        Files.writeString(migrations.resolve("0002_events_rules.sql"), """
                PRAGMA foreign_keys = OFF;
                BEGIN;
                CREATE TABLE events_new (
                  id INTEGER PRIMARY KEY,
                  account_id INTEGER REFERENCES accounts(id),
                  kind TEXT NOT NULL,
                  amount INTEGER CHECK (amount >= 0),
                  ref TEXT UNIQUE
                );
                INSERT INTO events_new SELECT id, account_id, kind, amount, ref FROM events;
                DROP TABLE events;
                ALTER TABLE events_new RENAME TO events;
                CREATE INDEX events_account ON events (account_id);
                PRAGMA foreign_key_check;
                COMMIT;
                PRAGMA foreign_keys = ON;
                """);
        LiteShift.configure().migrations(migrations).load().hash();
    }
}
