package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.LiteShift;
import io.liteshift.backup.BackupInfo;
import io.liteshift.lint.LintReport;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.Problem;
import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.report.ReportOutput;
import io.liteshift.report.Reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.liteshift.cli.DemoFailure.require;

/**
 * {@code liteshift demo}: the schema-change runbook walked end to end in a throwaway project, through the public
 * API ({@link LiteShift}, {@link Configuration}) as an application would use it, checking the rows after every step
 * that changes them. Each step is printed under the runbook's section number, with its time and its output.
 */
final class Demo {
    /** The hand edit of the generated v2 migration: the copy of posts fills the new NOT NULL slug from each title. */
    static final String GENERATED_COPY = "INSERT INTO \"_liteshift_new_posts\" (id, user_id, title, body)\n"
            + "  SELECT id, user_id, title, body FROM posts;";
    static final String SLUG = "lower(replace(title, ' ', '-')) || '-' || id";
    static final String EDITED_COPY = "-- Backfill, edited by hand: every existing post gets a slug made from its title.\n"
            + "INSERT INTO \"_liteshift_new_posts\" (id, user_id, title, slug, body)\n"
            + "  SELECT id, user_id, title, " + SLUG + ", body FROM posts;";
    private static final List<String> APP_TABLES = List.of("users", "posts", "comments");

    private final Path root;
    private final Path db;
    private final Path schema;
    private final Path migrations;
    private final Path seeds;
    private final Path backups;
    private final PrintWriter out;
    /** The database as the application sees it, for the checks. */
    private final DemoDatabase database;
    private int steps;

    Demo(Path root, PrintWriter out) {
        this.root = root;
        this.db = root.resolve("data").resolve("app.db");
        this.schema = root.resolve("schema.sql");
        this.migrations = root.resolve("migrations");
        this.seeds = root.resolve("seeds");
        this.backups = root.resolve("backups");
        this.out = out;
        this.database = new DemoDatabase(db);
    }

    int steps() {
        return steps;
    }

    /** Every step in order; a {@link DemoFailure} names the one that failed. */
    void run() {
        step("§0 A throwaway project", w -> {
            Files.createDirectories(db.getParent());
            Files.writeString(root.resolve("liteshift.toml"), "# written by `liteshift demo`, so that commands run here find its files\n"
                    + "schema = \"schema.sql\"\nmigrations = \"migrations\"\ndatabase = \"data/app.db\"\nbackups = \"backups\"\n");
            Files.createDirectories(seeds);
            Files.writeString(seeds.resolve("0001_demo_rows.sql"), resource("seed.sql"));
            w.println(root + ": liteshift.toml, schema.sql, migrations/, seeds/, data/app.db (not created yet), backups/");
            return null;
        });
        out.println();
        out.println("Version 1");
        step("§1 Edit the schema: schema.sql, version 1", w -> {
            Files.writeString(schema, resource("schema-v1.sql"));
            quote(resource("schema-v1.sql"), w);
            return null;
        });
        generate("create_blog");
        step("§8 Deploy: migrate creates data/app.db", w -> {
            MigrateResult r = configure().createMissing(true).load().migrate();
            Reports.migrated(r, db.toString(), console(w));
            require(r.version() == 1, "the database is at " + r.version() + " after migrating, not 0001");
            return null;
        });
        step("§5 Seed data: seeds/0001_demo_rows.sql", w -> {
            Reports.seeded(app().seed(seeds, List.of()), console(w));
            Map<String, TableRows> rows = database.census();
            for (String t : APP_TABLES) {
                w.printf("  %-9s %,7d rows inserted%n", t, rows.get(t).count());
                require(rows.get(t).count() > 0, "the seed inserted no rows into " + t);
            }
            return null;
        });

        out.println();
        out.println("Version 2: one change that rebuilds a parent table of ON DELETE CASCADE children, one that needs a backfill");
        step("§1 Edit the schema: schema.sql, version 2", w -> {
            String v1 = resource("schema-v1.sql");
            String v2 = resource("schema-v2.sql");
            Files.writeString(schema, v2);
            v1.lines().filter(l -> !v2.lines().toList().contains(l)).forEach(l -> w.println("- " + l));
            v2.lines().filter(l -> !v1.lines().toList().contains(l)).forEach(l -> w.println("+ " + l));
            w.println("users.email gets COLLATE NOCASE: SQLite cannot change a collation in place, so users is rebuilt,");
            w.println("  while posts and comments reference it with ON DELETE CASCADE.");
            w.println("posts gets slug TEXT NOT NULL UNIQUE: its rows have no value for it yet, so it needs a backfill.");
            return null;
        });
        Path v2 = generate("email_nocase_post_slugs");
        step("§3 Review: lint the pending migration against the rows", w -> {
            LintReport r = lint(w);
            require(r.errors().stream().anyMatch(i -> i.code().equals("not-null")),
                    "lint did not report that the generated copy leaves posts.slug NULL in every existing row");
            w.println("As expected: the generated copy would fail on posts.slug. The migration needs a hand edit.");
            return null;
        });
        step("§3 Review: edit the migration (backfill slug from title), then `hash`", w -> {
            String sql = Files.readString(v2);
            require(sql.contains(GENERATED_COPY), v2.getFileName() + " has no copy of posts to edit: the generator's output changed;"
                    + " update Demo.GENERATED_COPY");
            Files.writeString(v2, sql.replace(GENERATED_COPY, EDITED_COPY));
            GENERATED_COPY.lines().forEach(l -> w.println("- " + l));
            EDITED_COPY.lines().forEach(l -> w.println("+ " + l));
            Reports.hashed(files().hash(), migrations, console(w));
            LintReport r = lint(w);
            require(!r.hasErrors(), "lint still finds errors after the edit");
            return null;
        });
        step("§4 Test locally: rehearse on a copy of the database", w -> {
            RehearsalReport r = app().rehearse(false);
            Reports.rehearsal(r, console(w));
            require(r.ok(), "the rehearsal failed");
            return null;
        });
        step("§6 Commit", w -> {
            w.println("git add schema.sql migrations/ seeds/ && git commit  (not run: the demo directory is no repository)");
            return null;
        });
        // nothing writes between the census and the backup: these are the rows the backup holds
        Map<String, TableRows> atBackup = step("§7 Back up", w -> {
            Map<String, TableRows> rows = database.census();
            Reports.backup(app().backup(backups, 0), console(w));
            return rows;
        });
        step("§8 Deploy: migrate (lint runs first)", w -> {
            MigrateResult r = app().migrate();
            Reports.migrated(r, db.toString(), console(w));
            require(r.applied().size() == 1, r.applied().size() + " migrations applied, not 1");
            return null;
        });
        step("§9 Verify: rows intact, integrity_check, foreign_key_check, `verify`", w -> {
            DemoDatabase.requireIntact(atBackup, database.census(), 1, w);
            long slugged = database.count("SELECT count(*) FROM posts WHERE slug = " + SLUG);
            long posts = database.count("SELECT count(*) FROM posts");
            w.printf("posts.slug filled from the title in %,d of %,d posts, e.g. %s%n", slugged, posts,
                    database.text("SELECT slug FROM posts ORDER BY id LIMIT 1"));
            require(slugged == posts, (posts - slugged) + " posts have no slug made from their title");
            long nocase = database.count("SELECT count(*) FROM users WHERE email = 'USER1@EXAMPLE.COM'");
            w.println("users.email compares without case now: 'USER1@EXAMPLE.COM' finds " + nocase + " user");
            require(nocase == 1, "users.email is not COLLATE NOCASE after the migration");
            requireChecks(w);
            return null;
        });

        out.println();
        out.println("Rolling back");
        step("§10 Schema rollback: `revert --to 1` writes a new migration, then migrate", w -> {
            Map<String, TableRows> before = database.census();
            GenerateResult r = files().revert(1, null);
            Reports.generated(r, "nothing to revert", console(w));
            require(r.written(), "revert wrote no migration");
            Files.writeString(schema, resource("schema-v1.sql")); // the declared schema goes back too, or the next generate undoes the revert
            w.println("schema.sql is version 1 again");
            Reports.migrated(app().migrate(), db.toString(), console(w));
            DemoDatabase.requireIntact(before, database.census(), 1, w);
            List<Problem> repository = files().verifyDirectory();
            require(repository.isEmpty(), "schema.sql and the migrations disagree: " + repository);
            requireChecks(w);
            return null;
        });
        step("§10 Data rollback: a bad write, then `restore` the backup", w -> {
            long[] lost = database.badWrite(w);
            List<BackupInfo> taken = app().backups(backups);
            require(taken.size() == 1, "the backup directory holds " + taken.size() + " backups of app.db, not the 1 taken in §7");
            BackupInfo backup = taken.get(0);
            Reports.restored(app().restore(backup.file(), false), backup.file(), console(w));
            Map<String, TableRows> now = database.census();
            w.printf("%-22s %12s %14s%n", "table", "at backup", "after restore");
            for (Map.Entry<String, TableRows> e : atBackup.entrySet()) {
                TableRows then = e.getValue();
                TableRows restored = now.get(e.getKey());
                w.printf("%-22s %,12d %,14d  %s%n", e.getKey(), then.count(), restored == null ? 0 : restored.count(),
                        then.equals(restored) ? "same rows" : "DIFFERENT");
                require(then.equals(restored), e.getKey() + " differs from the backup after restoring it");
            }
            require(now.keySet().equals(atBackup.keySet()), "the restored database has the tables " + now.keySet() + ", the backup "
                    + atBackup.keySet());
            w.printf("the %,d posts and %,d comments the bad write deleted are back; every value equals the backup's%n", lost[0], lost[1]);
            return null;
        });
        step("§8 Redeploy: migrate the restored database", w -> {
            List<Migration> pending = app().status().history().pending();
            w.println("the restored file is at 0001, as when it was backed up; pending: "
                    + pending.stream().map(Migration::fileName).toList());
            MigrateResult r = app().migrate();
            Reports.migrated(r, db.toString(), console(w));
            require(r.applied().size() == 2, r.applied().size() + " migrations applied, not 2");
            DemoDatabase.requireIntact(atBackup, database.census(), 2, w);
            requireChecks(w);
            return null;
        });
    }

    private Path generate(String name) {
        return step("§2 Generate the migration", w -> {
            GenerateResult r = files().generate(name);
            Reports.generated(r, "nothing changed", console(w));
            require(r.written(), "generate wrote no migration");
            Path file = r.file().get();
            w.println("The SQL (below the header):");
            quote(withoutHeader(Files.readString(file)), w);
            return file;
        });
    }

    private LintReport lint(PrintWriter w) {
        LintReport r = app().lint(0);
        Reports.lint(r, console(w));
        return r;
    }

    /** SQLite's own checks, then liteshift's {@code verify} (which runs them too, among others). */
    private void requireChecks(PrintWriter w) throws SQLException {
        database.requireSound(w);
        List<Problem> problems = app().verify();
        Reports.verified(problems, db.toString(), console(w));
        require(problems.isEmpty(), "verify found " + problems.size() + " problem(s)");
    }

    @FunctionalInterface
    interface Body<T> {
        T run(PrintWriter w) throws Exception;
    }

    /** Runs one step with its output buffered, then prints its heading, time and output; a failure names the step. */
    <T> T step(String title, Body<T> body) {
        steps++;
        StringWriter buffer = new StringWriter();
        PrintWriter w = new PrintWriter(buffer);
        long t0 = System.nanoTime();
        try {
            T result = body.run(w);
            print(title, (System.nanoTime() - t0) / 1_000_000 + " ms", buffer);
            return result;
        } catch (Exception e) {
            print(title, "FAILED", buffer);
            throw DemoFailure.in(title, e);
        }
    }

    private void print(String title, String outcome, StringWriter body) {
        out.printf("%-88s %8s%n", title, outcome);
        body.toString().lines().forEach(l -> out.println("    " + l));
        out.flush();
    }

    /** How the project's code configures liteshift for this database (the boot API). */
    private Configuration configure() {
        return LiteShift.configure().database(db.toString()).migrations(migrations).schema(schema).progress(line -> { });
    }

    private LiteShift app() {
        return configure().load();
    }

    /** For the commands that read only the files, as on a developer's machine. */
    private LiteShift files() {
        return LiteShift.configure().migrations(migrations).schema(schema).load();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("demo/" + name)) {
            if (in == null) throw new IOException("the demo's " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The shared reports, printed into a step's buffer: the same text the commands print. */
    private static ReportOutput console(PrintWriter w) {
        return ConsoleOutput.of(w, w);
    }

    private static void quote(String text, PrintWriter w) {
        text.strip().lines().forEach(l -> w.println("| " + l));
    }

    /** A generated migration without its leading comment block (the report above says the same). */
    private static String withoutHeader(String sql) {
        List<String> lines = sql.lines().toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("--")) i++;
        return String.join("\n", lines.subList(i, lines.size()));
    }
}
