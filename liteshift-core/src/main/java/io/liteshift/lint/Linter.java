package io.liteshift.lint;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.Databases;
import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrationEffect;
import io.liteshift.migrate.MigrationEffects;
import io.liteshift.migrate.Migrator;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.Statement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way into lint. {@code liteshift lint}: classifies every step of the pending migrations (all of them, or from a
 * version on, when no database is given). A migration's effect is read by running it on an in-memory replay of the
 * ones before it and diffing the schemas; its statements are read for unsafe SQL ({@link Rules}). With a database
 * (only read) the data-dependent rules are counted on the real rows, and rebuilds are sized. Also what migrate runs
 * first ({@link #requireNoErrors}), the notes of a generated migration's header ({@link #headerNotes}) and push's
 * data check ({@link #dataCheck}).
 */
public final class Linter {

    private static final Pattern IGNORE = Pattern.compile("--\\s*liteshift:lint-ignore\\s+([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)");

    private Linter() {
    }

    /**
     * Lints against a database file, opened read-only (never written).
     *
     * @param database the database file, or null to lint without rows: every migration from {@code from} on
     * @param from     the first version to lint (0 or 1: all); with a database, only pending migrations are linted
     */
    public static LintReport lint(MigrationDirectory dir, Path database, int from) {
        if (database == null) return lint(dir, null, null, from);
        try (Connection c = Databases.open(database, false, true)) {
            // connection settings only, nothing is written: the counts group and sort whole tables, in memory
            Databases.exec(c, "PRAGMA temp_store = MEMORY");
            Databases.exec(c, "PRAGMA cache_size = -65536");
            Databases.exec(c, "PRAGMA threads = 2");
            return lint(dir, c, database, from);
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "could not read " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lints against an open connection (only read from; a TEMP table may be made to try STRICT types).
     *
     * @param db   the database, or null for none
     * @param file its file, for the free disk space a rebuild needs; may be null
     */
    public static LintReport lint(MigrationDirectory dir, Connection db, Path file, int from) {
        try {
            List<Migration> chosen = db != null ? new Migrator(dir, true).history(db).pending() : dir.migrations();
            return lint(dir, chosen.stream().filter(m -> m.version() >= from).toList(), db, file);
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "lint could not read the database: " + e.getMessage(), e);
        }
    }

    /** Lints {@code chosen}, migrations of {@code dir} in order, against {@code db} (or none). */
    private static LintReport lint(MigrationDirectory dir, List<Migration> chosen, Connection db, Path file) {
        try {
            List<LintIssue> issues = new ArrayList<>();
            int suppressed = 0;
            Set<String> touched = new HashSet<>(); // tables earlier linted migrations change: the rows no longer tell
            TableStats stats = db == null ? null : new TableStats(db); // the rows do not change while lint reads them
            for (MigrationEffect e : MigrationEffects.of(dir, chosen)) {
                if (chosen.stream().noneMatch(m -> m.version() == e.migration().version())) {
                    // an earlier migration does not run: nothing after it can be judged
                    issues.add(new LintIssue(LintCode.DOES_NOT_RUN, Severity.ERROR, new LintIssue.Location(e.migration().fileName(), 0, ""), "",
                            "does not run on a replay of the migrations: " + e.failure().orElse("?"), "fix that migration first."));
                    break;
                }
                List<LintIssue> found = one(e, stats, file, touched);
                Set<String> ignored = ignored(e.migration().sql());
                for (LintIssue i : found) {
                    if (ignored.contains(i.code())) suppressed++;
                    else issues.add(i);
                }
            }
            return new LintReport(chosen.stream().map(Migration::fileName).toList(), issues, suppressed,
                    db == null ? null : file == null ? "database" : file.toString());
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "lint could not read the database: " + e.getMessage(), e);
        }
    }

    /**
     * What {@code migrate} runs first: lints the migrations it would apply to {@code database} (every one when the file
     * does not exist yet) and refuses, with exit reason REFUSED_DATA, when an error is found.
     *
     * @return the report, which has no errors (its warnings are for the caller to print)
     * @throws LiteShiftException REFUSED_DATA listing the errors; nothing was written
     */
    public static LintReport requireNoErrors(MigrationDirectory dir, Path database) {
        return requireNoErrors(lint(dir, database != null && Files.exists(database) ? database : null, 0));
    }

    /** {@link #requireNoErrors(MigrationDirectory, Path)} on an open connection (a {@code DataSource}'s); only read. */
    public static LintReport requireNoErrors(MigrationDirectory dir, Connection db) {
        return requireNoErrors(lint(dir, db, null, 0));
    }

    /**
     * {@link #requireNoErrors(MigrationDirectory, Connection)} for a caller that has read the history already
     * (migrate, before applying): lints {@code pending}, the migrations of {@code dir} it is about to apply.
     */
    public static LintReport requireNoErrors(MigrationDirectory dir, Connection db, List<Migration> pending) {
        return requireNoErrors(dir, db, null, pending);
    }

    /** The same, also checking that the volume of {@code file} (may be null: not checked) has room for the rebuilds. */
    public static LintReport requireNoErrors(MigrationDirectory dir, Connection db, Path file, List<Migration> pending) {
        return requireNoErrors(lint(dir, pending, db, file));
    }

    private static LintReport requireNoErrors(LintReport r) {
        if (!r.hasErrors()) return r;
        StringBuilder sb = new StringBuilder("migrate refused: lint found " + r.errors().size() + " error(s) in the pending migrations;"
                + " nothing was applied.\n");
        r.errors().forEach(i -> sb.append("  ").append(i).append('\n'));
        if (r.errors().stream().allMatch(i -> i.lintCode() == LintCode.DISK_SPACE)) {
            // nothing is wrong with the migrations: the volume is too small for them now
            sb.append("Free space on the volume, then migrate again; ").append(Fix.setting(Fix.Setting.SKIP_LINT))
                    .append(" migrates anyway, and a rebuild that runs out of space is rolled back. Nothing was changed.");
        } else {
            sb.append("Fix them; or, after review, suppress one with `-- liteshift:lint-ignore CODE` in the migration (then run `")
                    .append(Fix.command(Fix.Command.HASH)).append("`), or migrate with ").append(Fix.setting(Fix.Setting.SKIP_LINT))
                    .append(". Nothing was changed.");
        }
        throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DATA, sb.toString());
    }

    /**
     * The warnings of a report, one line each as migrate prints the ones it went ahead with:
     * {@code 0003_x.sql:2: [drop-column] drops column ... Fix: ...}.
     */
    public static List<String> warnings(LintReport r) {
        return r.issues().stream().filter(i -> i.severity() == Severity.WARNING).map(LintIssue::asWarning).toList();
    }

    /** The findings read from a plan alone, one line each, for a generated migration's header. */
    public static List<String> headerNotes(Plan plan) {
        try {
            return Rules.check(LintContext.of(plan)).stream().map(LintIssue::asHeaderNote).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("a plan alone has no rows to read", e); // no rule reads a database without counts
        }
    }

    /**
     * Push's data check: the plan measured against the rows of {@code db}, which has the schema {@code current},
     * before anything is written. What would be lost, which rows could not take {@code declared} (their number, a
     * sample of their keys, the fix), and which NULLs a DEFAULT fills. Only reads; the one write is to a TEMP table
     * when a STRICT column's new type must be tried on the values.
     */
    public static Findings dataCheck(Connection db, Plan plan, Schema current, Schema declared) throws SQLException {
        return DataCheck.run(new TableStats(db), plan, current, declared);
    }

    /** The codes a file's {@code -- liteshift:lint-ignore CODE[,CODE]} lines name. */
    static Set<String> ignored(String sql) {
        Set<String> out = new HashSet<>();
        Matcher m = IGNORE.matcher(sql);
        while (m.find()) for (String c : m.group(1).split(",")) out.add(c.trim());
        return out;
    }

    /**
     * The line a replay's failure names ({@code migrations/0003_x.sql:3: VACUUM cannot run ...}), so that the finding
     * is at the statement that stops it; 0 when it names none.
     */
    static int failedLine(String failure, String file) {
        Matcher m = Pattern.compile("(?:^|[/\\\\\\s])" + Pattern.quote(file) + ":(\\d+):").matcher(failure);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<LintIssue> one(MigrationEffect e, TableStats stats, Path file, Set<String> touched) throws SQLException {
        String name = e.migration().fileName();
        List<Statement> statements;
        try {
            statements = Scripts.split(e.migration().sql());
        } catch (SqlSyntaxException x) {
            return List.of(new LintIssue(LintCode.DOES_NOT_RUN, Severity.ERROR, new LintIssue.Location(name, x.line(), ""), "",
                    x.getMessage(), "fix the SQL."));
        }
        if (e.failure().isPresent()) {
            // its statements still speak; what it changes is unknown
            List<LintIssue> out = new ArrayList<>(Rules.check(LintContext.of(name, new Plan(List.of(), List.of(), List.of()), statements, null)));
            LintIssue.Location at = new LintIssue.Location(name, failedLine(e.failure().get(), name), "");
            out.add(new LintIssue(LintCode.DOES_NOT_RUN, Severity.ERROR, at, "", "does not run on a replay of the migrations before it: "
                    + e.failure().get(), "fix the migration; migrate would fail here."));
            return sorted(out);
        }
        Plan plan;
        try {
            plan = Planner.plan(e.before(), e.after(), e.changes());
        } catch (RuntimeException x) {
            plan = new Plan(e.changes(), List.of(), List.of()); // a change the planner does not handle: the changes still speak
        }
        plan = RebuildCopies.apply(plan, statements, stats == null ? null : stats.db());
        Set<String> written = LintContext.dmlTables(statements);
        Set<String> changed = changedTables(e.changes());
        // the rows tell nothing of a table an earlier linted migration changes: it is linted as without a database
        boolean countable = stats != null && changed.stream().noneMatch(touched::contains) && written.stream().noneMatch(touched::contains);
        LintContext.Counts counts = countable ? new LintContext.Counts(stats, file, e.before(), e.after()) : null;
        List<LintIssue> out = new ArrayList<>(Rules.check(LintContext.of(name, plan, statements, counts)));
        touched.addAll(changed);
        touched.addAll(written);
        return sorted(out);
    }

    private static List<LintIssue> sorted(List<LintIssue> issues) {
        issues.sort(Comparator.comparingInt(LintIssue::line));
        return issues;
    }

    private static Set<String> changedTables(List<Change> changes) {
        Set<String> out = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.AlterTable a) {
                out.add(Identifiers.fold(a.from().name()));
                out.add(Identifiers.fold(a.to().name()));
                for (Alteration x : a.alterations()) if (x instanceof Alteration.RenameTable r) out.add(Identifiers.fold(r.from()));
            } else if (c instanceof Change.DropTable d) {
                out.add(Identifiers.fold(d.table().name()));
            } else if (c instanceof Change.CreateTable t) {
                out.add(Identifiers.fold(t.table().name()));
            } else if (c instanceof Change.CreateIndex i) {
                out.add(Identifiers.fold(i.index().table())); // its rules count that table's rows
            } else if (c instanceof Change.DropIndex i) {
                out.add(Identifiers.fold(i.index().table()));
            }
        }
        return out;
    }
}
