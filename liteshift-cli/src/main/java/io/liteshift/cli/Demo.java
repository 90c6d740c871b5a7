package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.LiteShift;
import io.liteshift.backup.BackupInfo;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Linter;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.Problem;
import io.liteshift.rehearse.RehearsalReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
            + "-- Reviewed: the copy below fills posts.slug, so lint's NOT NULL count of today's rows does not apply.\n"
            + "-- liteshift:lint-ignore not-null\n"
            + "INSERT INTO \"_liteshift_new_posts\" (id, user_id, title, slug, body)\n"
            + "  SELECT id, user_id, title, " + SLUG + ", body FROM posts;";
    private static final List<String> APP_TABLES = List.of("users", "posts", "comments");
    private static final String JOURNAL = "liteshift_migrations";

    private final Path root;
    private final Path db;
    private final Path schema;
    private final Path migrations;
    private final Path seeds;
    private final Path backups;
    private final PrintWriter out;
    private int steps;

    Demo(Path root, PrintWriter out) {
        this.root = root;
        this.db = root.resolve("data").resolve("app.db");
        this.schema = root.resolve("schema.sql");
        this.migrations = root.resolve("migrations");
        this.seeds = root.resolve("seeds");
        this.backups = root.resolve("backups");
        this.out = out;
    }

    Path database() {
        return db;
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
            Reports.migrated(r, db.toString(), w, w);
            require(r.version() == 1, "the database is at " + r.version() + " after migrating, not 0001");
            return null;
        });
        step("§5 Seed data: seeds/0001_demo_rows.sql", w -> {
            Reports.seeded(app().seed(seeds, List.of()), w, w);
            Map<String, TableRows> rows = census();
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
            Reports.hashed(files().hash(), migrations, w);
            LintReport r = lint(w);
            require(!r.hasErrors(), "lint still finds errors after the edit");
            return null;
        });
        step("§4 Test locally: rehearse on a copy of the database", w -> {
            RehearsalReport r = app().rehearse(false);
            Reports.rehearsal(r, w);
            require(r.ok(), "the rehearsal failed");
            return null;
        });
        step("§6 Commit", w -> {
            w.println("git add schema.sql migrations/ seeds/ && git commit  (not run: the demo directory is no repository)");
            return null;
        });
        // nothing writes between the census and the backup: these are the rows the backup holds
        Map<String, TableRows> atBackup = step("§7 Back up", w -> {
            Map<String, TableRows> rows = census();
            Reports.backup(app().backup(backups, 0), w);
            return rows;
        });
        step("§8 Deploy: migrate (lint runs first)", w -> {
            MigrateResult r = app().migrate();
            Reports.migrated(r, db.toString(), w, w);
            require(r.applied().size() == 1, r.applied().size() + " migrations applied, not 1");
            return null;
        });
        step("§9 Verify: rows intact, integrity_check, foreign_key_check, `verify`", w -> {
            requireIntact(atBackup, census(), 1, w);
            long slugged = count("SELECT count(*) FROM posts WHERE slug = " + SLUG);
            long posts = count("SELECT count(*) FROM posts");
            w.printf("posts.slug filled from the title in %,d of %,d posts, e.g. %s%n", slugged, posts,
                    text("SELECT slug FROM posts ORDER BY id LIMIT 1"));
            require(slugged == posts, (posts - slugged) + " posts have no slug made from their title");
            long nocase = count("SELECT count(*) FROM users WHERE email = 'USER1@EXAMPLE.COM'");
            w.println("users.email compares without case now: 'USER1@EXAMPLE.COM' finds " + nocase + " user");
            require(nocase == 1, "users.email is not COLLATE NOCASE after the migration");
            requireChecks(w);
            return null;
        });

        out.println();
        out.println("Rolling back");
        step("§10 Schema rollback: `revert --to 1` writes a new migration, then migrate", w -> {
            Map<String, TableRows> before = census();
            GenerateResult r = files().revert(1, null);
            Reports.generated(r, "nothing to revert", w, w);
            require(r.written(), "revert wrote no migration");
            Files.writeString(schema, resource("schema-v1.sql")); // the declared schema goes back too, or the next generate undoes the revert
            w.println("schema.sql is version 1 again");
            Reports.migrated(app().migrate(), db.toString(), w, w);
            requireIntact(before, census(), 1, w);
            List<Problem> repository = files().verifyDirectory();
            require(repository.isEmpty(), "schema.sql and the migrations disagree: " + repository);
            requireChecks(w);
            return null;
        });
        step("§10 Data rollback: a bad write, then `restore` the backup", w -> {
            long[] lost = badWrite(w);
            List<BackupInfo> taken = io.liteshift.backup.Backups.list(backups, db.getFileName().toString());
            require(taken.size() == 1, "the backup directory holds " + taken.size() + " backups of app.db, not the 1 taken in §7");
            BackupInfo backup = taken.get(0);
            Reports.restored(app().restore(backup.file(), false), backup.file(), w);
            Map<String, TableRows> now = census();
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
            Reports.migrated(r, db.toString(), w, w);
            require(r.applied().size() == 2, r.applied().size() + " migrations applied, not 2");
            requireIntact(atBackup, census(), 2, w);
            requireChecks(w);
            return null;
        });
    }

    private Path generate(String name) {
        return step("§2 Generate the migration", w -> {
            GenerateResult r = files().generate(name);
            Reports.generated(r, "nothing changed", w, w);
            require(r.written(), "generate wrote no migration");
            Path file = r.file().get();
            w.println("The SQL (below the header):");
            quote(withoutHeader(Files.readString(file)), w);
            return file;
        });
    }

    private LintReport lint(PrintWriter w) {
        LintReport r = Linter.lint(app().directory(), db, 0);
        Reports.lint(r, w);
        return r;
    }

    /**
     * Every table of {@code before} is still there with the same number of rows and the same values in the columns
     * it still has, except the journal, which has {@code migrated} more rows. Prints the counts per table.
     */
    static void requireIntact(Map<String, TableRows> before, Map<String, TableRows> after, int migrated, PrintWriter w) {
        w.printf("%-22s %12s %12s%n", "table", "rows before", "rows after");
        for (TableRows then : before.values()) {
            TableRows now = after.get(then.table());
            require(now != null, "table " + then.table() + " is gone");
            if (then.table().equals(JOURNAL)) {
                w.printf("%-22s %,12d %,12d  the journal: %d more%n", then.table(), then.count(), now.count(), migrated);
                require(now.count() == then.count() + migrated, "the journal has " + now.count() + " rows, expected "
                        + (then.count() + migrated));
                continue;
            }
            List<String> changed = then.changedIn(now);
            List<String> added = now.columns().keySet().stream().filter(k -> !then.columns().containsKey(k)).toList();
            List<String> dropped = then.columns().keySet().stream().filter(k -> !now.columns().containsKey(k)).toList();
            w.printf("%-22s %,12d %,12d  %s%s%s%n", then.table(), then.count(), now.count(),
                    now.count() != then.count() ? "ROWS LOST OR ADDED" : changed.isEmpty() ? "same values" : "VALUES CHANGED in " + changed,
                    added.isEmpty() ? "" : "; new column " + String.join(", ", added),
                    dropped.isEmpty() ? "" : "; dropped column " + String.join(", ", dropped));
            require(now.count() == then.count(), then.table() + " has " + now.count() + " rows after this step and had "
                    + then.count() + " before it: " + (now.count() < then.count() ? "rows were lost" : "rows appeared"));
            require(changed.isEmpty(), then.table() + " holds other values than before this step in " + changed);
        }
    }

    /** SQLite's own checks, then liteshift's {@code verify} (which runs them too, among others). */
    private void requireChecks(PrintWriter w) throws SQLException {
        String integrity = text("PRAGMA integrity_check");
        w.println("PRAGMA integrity_check: " + integrity);
        require(integrity.equals("ok"), "integrity_check says: " + integrity);
        long broken = count("SELECT count(*) FROM pragma_foreign_key_check");
        w.println("PRAGMA foreign_key_check: " + (broken == 0 ? "no rows (no broken foreign keys)" : broken + " broken references"));
        require(broken == 0, broken + " rows break a foreign key");
        List<Problem> problems = app().verify();
        Reports.verified(db.toString(), problems, w);
        require(problems.isEmpty(), "verify found " + problems.size() + " problem(s)");
    }

    /**
     * What a data rollback is for: the application deletes a user by mistake, with foreign keys on as an
     * application has them, and ON DELETE CASCADE (still declared after two rebuilds) takes their posts and comments.
     * Returns the posts and comments deleted.
     */
    private long[] badWrite(PrintWriter w) throws SQLException {
        long users = count("SELECT count(*) FROM users");
        long posts = count("SELECT count(*) FROM posts");
        long comments = count("SELECT count(*) FROM comments");
        long ownPosts = count("SELECT count(*) FROM posts WHERE user_id = 1");
        long ownComments = count("SELECT count(*) FROM comments WHERE user_id = 1 OR post_id IN (SELECT id FROM posts WHERE user_id = 1)");
        try (Connection c = TableRows.open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.executeUpdate("DELETE FROM users WHERE id = 1");
        }
        long[] lost = {posts - count("SELECT count(*) FROM posts"), comments - count("SELECT count(*) FROM comments")};
        w.printf("the application runs DELETE FROM users WHERE id = 1 (foreign_keys on): ON DELETE CASCADE deletes"
                + " %,d posts and %,d comments with it%n", lost[0], lost[1]);
        require(count("SELECT count(*) FROM users") == users - 1, "the user was not deleted");
        require(lost[0] == ownPosts && lost[1] == ownComments, "ON DELETE CASCADE deleted " + lost[0] + " posts and " + lost[1]
                + " comments, not the user's " + ownPosts + " and " + ownComments);
        return lost;
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

    private Map<String, TableRows> census() throws SQLException {
        try (Connection c = TableRows.open(db)) {
            return TableRows.of(c);
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = TableRows.open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("demo/" + name)) {
            if (in == null) throw new IOException("the demo's " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
