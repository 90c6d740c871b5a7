package io.liteshift;

import io.liteshift.inspect.Inspector;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Linter;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrationEffect;
import io.liteshift.migrate.MigrationEffects;
import io.liteshift.migrate.MigrationLint;
import io.liteshift.migrate.Migrator;
import io.liteshift.plan.Pipeline;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;
import io.liteshift.review.Finding;
import io.liteshift.review.Migration;
import io.liteshift.review.Rename;
import io.liteshift.review.ReviewInput;
import io.liteshift.review.ReviewPage;
import io.liteshift.schema.Schema;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.DatabaseUrl;
import io.liteshift.sqlite.Databases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code review}: fills the review page's input from the pipeline and writes the page. The pending migrations of a
 * directory (each replayed for its schemas and its rebuilds, linted against the database's rows when there is a
 * database, rehearsed on a copy when asked), or the plan between two schemas, or the plan a push would run. The
 * database is only read; the page is the one file written, all at once ({@link ReviewFile}). The page names files by
 * their names alone, so it holds no path of the machine it was made on.
 */
final class Reviews {
    private Reviews() {
    }

    /** What {@code options} ask for, or a refusal when they do not go together. */
    static ReviewResult of(LiteShift liteShift, Configuration config, ReviewOptions options) {
        boolean twoSchemas = options.from() != null || options.to() != null;
        if (twoSchemas && (options.from() == null || options.to() == null)) {
            Fix.Setting missing = options.from() == null ? Fix.Setting.REVIEW_FROM : Fix.Setting.REVIEW_TO;
            throw refused("two schemas are compared, but only one side was given: add the other (" + Fix.setting(missing) + ").");
        }
        if (twoSchemas && options.pushPlan()) {
            throw refused("two schemas (" + Fix.setting(Fix.Setting.REVIEW_FROM) + ", " + Fix.setting(Fix.Setting.REVIEW_TO)
                    + ") and a push plan (" + Fix.setting(Fix.Setting.REVIEW_PUSH) + ") were both asked for: give one of them.");
        }
        if (options.rehearse() && (twoSchemas || options.pushPlan())) {
            throw refused(Fix.setting(Fix.Setting.REVIEW_REHEARSE) + " rehearses the pending migrations, but "
                    + (twoSchemas ? "two schemas are compared" : "a push plan is reviewed") + ", which has none. Leave "
                    + Fix.setting(Fix.Setting.REVIEW_REHEARSE) + " out, or review the migrations.");
        }
        if (twoSchemas) return between(options.from(), options.to(), options.out());
        if (!options.pushPlan()) return pending(liteShift, config, options.out(), options.rehearse());
        if (config.database == null) {
            throw refused("a push plan is reviewed against the database, and none was given: give it with "
                    + Fix.setting(Fix.Setting.DATABASE) + ".");
        }
        SchemaSource declared = config.schemaClass == null ? new SchemaSource.Declared(config.schema)
                : SchemaSource.javaClass(config.schemaClass, config.schemaClassLoader());
        return push(config.database, declared, options.out());
    }

    private static LiteShiftException refused(String why) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot review: " + why + " Nothing was written.");
    }

    /** The pending migrations of the configured directory against the configured database, or all of them from an empty schema. */
    static ReviewResult pending(LiteShift liteShift, Configuration config, Path out, boolean rehearse) {
        MigrationDirectory dir = liteShift.directory();
        if (!dir.exists()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the migrations directory " + dir.root().toAbsolutePath()
                    + " does not exist. Check " + Fix.setting(Fix.Setting.MIGRATIONS) + ". Nothing was written.");
        }
        Path database = databaseFile(config, rehearse);
        List<io.liteshift.migrate.Migration> pending;
        Schema current;
        LintReport lint;
        if (database == null) {
            pending = dir.migrations();
            current = Schema.EMPTY;
            lint = MigrationLint.lint(dir, null, 0);
        } else {
            try (Connection c = Databases.open(database, false, true, config.lockTimeout)) {
                pending = new Migrator(dir, true).history(c).pending();
                current = Inspector.inspect(c);
            } catch (SQLException e) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot read " + database + ": " + SqliteErrors.message(e)
                        + ". Nothing was written.", e);
            }
            lint = MigrationLint.lint(dir, database, 0);
        }
        ReviewRehearsal rehearsed = rehearse ? ReviewRehearsal.of(liteShift.rehearse(false)) : ReviewRehearsal.NONE;
        List<MigrationEffect> effects = MigrationEffects.of(dir, pending);
        Schema before = effects.isEmpty() ? current : effects.get(0).before();
        Schema after = before;
        ReviewRenames renames = new ReviewRenames();
        List<Migration> migrations = new ArrayList<>();
        for (io.liteshift.migrate.Migration m : pending) {
            Optional<MigrationEffect> effect = effects.stream().filter(e -> e.migration().version() == m.version()).findFirst();
            Plan plan = effect.filter(e -> e.failure().isEmpty()).map(Reviews::planOf).orElse(null);
            if (effect.isPresent() && effect.get().failure().isEmpty()) {
                after = effect.get().after();
                renames.add(effect.get().changes());
            }
            List<Finding> findings = new ArrayList<>(ReviewFindings.about(m.fileName(), lines(m.sql()), lint.issues()));
            findings.addAll(rehearsed.findingsAbout(m.fileName(), m == pending.get(pending.size() - 1)));
            migrations.add(new Migration(m.fileName(), m.sql(), ReviewSteps.of(m.sql(), plan), findings, rehearsed.of(m.label())));
        }
        String dirName = name(dir.root());
        String title = database == null ? "Migrations of " + dirName : "Pending migrations of " + name(database);
        return written(out, new ReviewInput(title, pendingContext(dirName, database, pending.size(), rehearse), before, after,
                renames.between(before, after), migrations));
    }

    /** The sentence under the title: what was reviewed, and whether rows were read. */
    private static String pendingContext(String dirName, Path database, int pending, boolean rehearse) {
        if (database == null) {
            return "Every migration of " + dirName + " (" + count(pending, "migration") + "), from an empty schema: no database was"
                    + " given, so no rows were read.";
        }
        if (pending == 0) return "Nothing is pending: " + name(database) + " is at the newest migration of " + dirName + ".";
        return count(pending, "pending migration") + " of " + dirName + ", linted against the rows of " + name(database)
                + (rehearse ? " and rehearsed on a copy of it" : "") + ".";
    }

    /** The plan from {@code from} to {@code to}, as {@code diff} prints it, linted against {@code from}'s rows when it is a database. */
    static ReviewResult between(SchemaSource from, SchemaSource to, Path out) {
        requireExists(from, Fix.Setting.REVIEW_FROM, "schema before");
        requireExists(to, Fix.Setting.REVIEW_TO, "schema after");
        String title = "Schema change from " + name(from) + " to " + name(to);
        String context = "Compares " + name(from) + " (" + kind(from) + ") with " + name(to) + " (" + kind(to) + "); the SQL is the plan"
                + " that diff prints, linted " + (from instanceof SchemaSource.Database ? "against the rows of " + name(from) : "without rows") + ".";
        return planned(from, to, "diff.sql", title, context, out);
    }

    /** The plan {@code push} would run on {@code database} to reach {@code declared}, linted against its rows. */
    static ReviewResult push(String database, SchemaSource declared, Path out) {
        SchemaSource.Database db = new SchemaSource.Database(DatabaseUrl.toPath(database));
        requireExists(db, Fix.Setting.DATABASE, "database");
        requireExists(declared, Fix.Setting.REVIEW_TO, "declared schema");
        String title = "Push of " + name(declared) + " to " + name(db);
        String context = "The plan push would run on " + name(db) + " to reach " + name(declared) + ", linted against its rows."
                + " Nothing was written to the database.";
        return planned(db, declared, "push.sql", title, context, out);
    }

    private static ReviewResult planned(SchemaSource from, SchemaSource to, String fileName, String title, String context, Path out) {
        SchemaSource.Loaded a = from.load();
        SchemaSource.Loaded b = to.load();
        Plan plan = Pipeline.plan(a.schema(), b.schema(), from.notYetApplied(b.hints()));
        List<Migration> migrations = new ArrayList<>();
        if (!plan.isEmpty()) {
            String sql = plan.toSql();
            List<LintIssue> issues = lint(fileName, sql, plan, a.schema(), b.schema(), from);
            migrations.add(new Migration(fileName, sql, ReviewSteps.of(sql, plan), ReviewFindings.about(fileName, lines(sql), issues), null));
        }
        List<Rename> renames = new ReviewRenames().add(plan.changes()).between(a.schema(), b.schema());
        return written(out, new ReviewInput(title, context, a.schema(), b.schema(), renames, migrations));
    }

    private static List<LintIssue> lint(String fileName, String sql, Plan plan, Schema before, Schema after, SchemaSource from) {
        try {
            if (!(from instanceof SchemaSource.Database d)) return Linter.plan(fileName, sql, plan, before, after, null, null);
            try (Connection c = Databases.open(d.file(), false, true)) {
                return Linter.plan(fileName, sql, plan, before, after, c, d.file());
            }
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "lint could not read " + from.label() + ": "
                    + SqliteErrors.message(e) + ". Nothing was written.", e);
        }
    }

    /** The plan a migration's effect needs, for why it rebuilds a table; null when the planner cannot say. */
    private static Plan planOf(MigrationEffect e) {
        try {
            return Planner.plan(e.before(), e.after(), e.changes());
        } catch (RuntimeException x) {
            return null; // the steps still say what each statement does
        }
    }

    private static ReviewResult written(Path out, ReviewInput input) {
        Path file = ReviewFile.write(out, ReviewPage.render(input));
        return new ReviewResult(file, ReviewPage.verdict(input), input);
    }

    /** The configured database's file, or null for none; a rehearsal needs one, and a named one must exist. */
    private static Path databaseFile(Configuration config, boolean rehearse) {
        if (config.database == null) {
            if (config.dataSource != null || rehearse) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, (rehearse ? "a rehearsal needs the database file"
                        : "the review reads the database file; a DataSource alone does not say where it is") + ": give it with "
                        + Fix.setting(Fix.Setting.DATABASE) + ". Nothing was written.");
            }
            return null;
        }
        Path file = DatabaseUrl.toPath(config.database);
        if (!Files.isRegularFile(file)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the database " + file + " does not exist. Give an"
                    + " existing database (" + Fix.setting(Fix.Setting.DATABASE) + "), or none to review every migration from an empty"
                    + " schema. Nothing was written.");
        }
        return file;
    }

    private static void requireExists(SchemaSource side, Fix.Setting setting, String what) {
        if (side.exists()) return;
        throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the " + what + " " + side.label() + " (" + Fix.setting(setting)
                + ") does not exist: give a database file, a schema .sql file or a directory of them, or a migrations directory."
                + " Nothing was written.");
    }

    private static String kind(SchemaSource s) {
        if (s instanceof SchemaSource.Database) return "database";
        if (s instanceof SchemaSource.Declared d) return Files.isDirectory(d.path()) ? "schema directory" : "schema file";
        if (s instanceof SchemaSource.Migrations) return "migrations directory";
        return "schema class";
    }

    /** A side as the page names it: a file's name, a class's name. */
    private static String name(SchemaSource s) {
        if (s instanceof SchemaSource.Database d) return name(d.file());
        if (s instanceof SchemaSource.Declared d) return name(d.path());
        if (s instanceof SchemaSource.Migrations m) return name(m.dir());
        return s.label(); // a class: its name
    }

    private static String name(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }

    private static int lines(String sql) {
        if (sql.isEmpty()) return 0;
        return (int) sql.chars().filter(c -> c == '\n').count() + (sql.endsWith("\n") ? 0 : 1);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
