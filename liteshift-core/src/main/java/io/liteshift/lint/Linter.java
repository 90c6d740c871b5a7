package io.liteshift.lint;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.Statement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way into lint. {@code liteshift lint}: classifies every step of migrations, each given with what a replay of the
 * ones before it found it to change ({@link Replayed}; the replay, and which migrations are pending, is the versioned
 * layer's: {@code migrate.MigrationLint}); its statements are read for unsafe SQL ({@link Rules}). With a database
 * (only read) the data-dependent rules are counted on the real rows, and rebuilds are sized. Also the refusal migrate
 * makes of a report with errors ({@link #requireNoErrors}), the notes of a generated migration's header
 * ({@link #headerNotes}) and push's data check ({@link #dataCheck}).
 */
public final class Linter {

    private static final Pattern IGNORE = Pattern.compile("--\\s*liteshift:lint-ignore\\s+([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)");

    private Linter() {
    }

    /**
     * One migration as lint reads it: its file and SQL, and what running it on a replay of the migrations before it
     * did.
     *
     * @param before  the schema the migrations before it produce
     * @param after   the schema after it (equal to {@code before} when it failed)
     * @param changes the differences, with the renames it makes
     * @param failure why it does not run on the replay, when it does not
     * @param online  whether its table rebuilds run online (its {@code -- liteshift:online} line), not under one lock
     */
    public record Replayed(String fileName, String sql, Schema before, Schema after, List<Change> changes, Optional<String> failure,
                           boolean online) {
        public Replayed {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Lints the migrations {@code linted} (file names, in order) from their replay {@code replayed}, which stops at the
     * first migration that does not run (which may come before the linted ones: then nothing can be judged).
     *
     * @param db       the database, only read (a TEMP table may be made to try STRICT types), or null for none
     * @param file     its file, for the free disk space a rebuild needs; may be null
     * @param database how the report names the database (null: linted without one)
     */
    public static LintReport lint(List<String> linted, List<Replayed> replayed, Connection db, Path file, String database) {
        try {
            List<LintIssue> issues = new ArrayList<>();
            int suppressed = 0;
            Set<String> touched = new HashSet<>(); // tables earlier linted migrations change: the rows no longer tell
            TableStats stats = db == null ? null : new TableStats(db); // the rows do not change while lint reads them
            for (Replayed e : replayed) {
                if (!linted.contains(e.fileName())) {
                    // an earlier migration does not run: nothing after it can be judged
                    issues.add(new LintIssue(LintCode.DOES_NOT_RUN, Severity.ERROR, new LintIssue.Location(e.fileName(), 0, ""), "",
                            "does not run on a replay of the migrations: " + e.failure().orElse("?"), "fix that migration first."));
                    break;
                }
                List<LintIssue> found = one(e, stats, file, touched);
                Set<String> ignored = ignored(e.sql());
                for (LintIssue i : found) {
                    if (ignored.contains(i.code())) suppressed++;
                    else issues.add(i);
                }
            }
            return new LintReport(linted, issues, suppressed, database);
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "lint could not read the database: " + e.getMessage(), e);
        }
    }

    /**
     * What {@code migrate} does with the lint of the migrations it would apply: refuses, with exit reason REFUSED_DATA,
     * when an error is found.
     *
     * @return the report, which has no errors (its warnings are for the caller to print)
     * @throws LiteShiftException REFUSED_DATA listing the errors; nothing was written
     */
    public static LintReport requireNoErrors(LintReport r) {
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
        return headerNotes(plan, false);
    }

    /** As {@link #headerNotes(Plan)}, for a migration whose rebuilds run {@code online} (its header has the directive). */
    public static List<String> headerNotes(Plan plan, boolean online) {
        try {
            return Rules.check(LintContext.of(plan, online)).stream().map(LintIssue::asHeaderNote).toList();
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

    /**
     * Lints a plan as the script it runs as ({@code sql}, named {@code fileName}), each finding at its line. With
     * {@code db}, which has the schema {@code before} (only read), the rows are counted as for a pending migration:
     * what a push of the plan would lose and which rows could not take {@code after}.
     *
     * @param file the database's file, for the free disk space a rebuild needs; may be null
     */
    public static List<LintIssue> plan(String fileName, String sql, Plan plan, Schema before, Schema after, Connection db, Path file)
            throws SQLException {
        LintContext.Counts counts = db == null ? null : new LintContext.Counts(new TableStats(db), file, before, after);
        return sorted(new ArrayList<>(Rules.check(LintContext.of(fileName, plan, Scripts.split(sql), counts))));
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

    private static List<LintIssue> one(Replayed e, TableStats stats, Path file, Set<String> touched) throws SQLException {
        String name = e.fileName();
        List<Statement> statements;
        try {
            statements = Scripts.split(e.sql());
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
        List<LintIssue> out = new ArrayList<>(Rules.check(LintContext.of(name, plan, statements, counts, e.online())));
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
