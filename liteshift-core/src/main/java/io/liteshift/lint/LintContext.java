package io.liteshift.lint;

import io.liteshift.plan.Plan;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link Rule} reads about one change: its plan (a migration's effect, or the plan of a migration about to
 * be generated), the migration's statements (none for a plan alone), and the rows when lint counts them.
 */
final class LintContext {
    private final String migration;
    private final Plan plan;
    private final List<Statement> statements;
    private final Counts counts;
    private final Set<String> written;
    private final boolean online;
    private Findings dataCheck;

    /**
     * The rows a migration is counted on.
     *
     * @param stats    the database's row counts and sizes, measured once per lint run
     * @param database its file, for the free space of its volume; null when lint reads a connection without one
     * @param before   the schema before the migration, which the database has
     * @param after    the schema after it
     */
    record Counts(TableStats stats, Path database, Schema before, Schema after) {
    }

    private LintContext(String migration, Plan plan, List<Statement> statements, Counts counts, boolean online) {
        this.online = online;
        this.migration = migration;
        this.plan = plan;
        this.statements = List.copyOf(statements);
        this.counts = counts;
        this.written = dmlTables(statements);
    }

    /** A plan alone: what a generated migration's header lists; {@code online} when its rebuilds run online. */
    static LintContext of(Plan plan, boolean online) {
        return new LintContext("", plan, List.of(), null, online);
    }

    /** One migration file: its plan and statements, and the rows when they can be counted (null when not). */
    static LintContext of(String migration, Plan plan, List<Statement> statements, Counts counts) {
        return of(migration, plan, statements, counts, false);
    }

    /** As {@link #of(String, Plan, List, Counts)}, for a migration whose rebuilds run {@code online} (its directive). */
    static LintContext of(String migration, Plan plan, List<Statement> statements, Counts counts, boolean online) {
        return new LintContext(migration, plan, statements, counts, online);
    }

    /** Whether the change's table rebuilds run online (the migration's {@code -- liteshift:online}), not under one lock. */
    boolean online() {
        return online;
    }

    Plan plan() {
        return plan;
    }

    List<Statement> statements() {
        return statements;
    }

    /** The rows, when lint counts them for this migration. */
    Optional<Counts> counts() {
        return Optional.ofNullable(counts);
    }

    /** Where {@code s} is: the migration's file, the statement's line and SQL. */
    LintIssue.Location at(Statement s) {
        return LintIssue.Location.of(migration, s);
    }

    /**
     * {@code issue} placed in the file: a finding about a statement is at it already; one about the plan is at the
     * first statement that mentions its subject's table and column (the {@code ALTER TABLE ... DROP COLUMN} rather
     * than a backfill of the same table before it: an annotation in a pull request lands on that line), else the
     * first that mentions the table, or at no line.
     */
    LintIssue place(LintIssue issue) {
        if (issue.line() != 0) return issue;
        if (!issue.subject().isEmpty()) {
            String table = issue.subjectTable();
            int dot = issue.subject().indexOf('.');
            Optional<Statement> s = dot < 0 ? Optional.empty()
                    : mentioning(table, Identifiers.fold(issue.subject().substring(dot + 1)));
            s = s.or(() -> mentioning(table, null));
            if (s.isPresent()) return issue.at(at(s.get()));
        }
        return issue.at(new LintIssue.Location(migration, 0, ""));
    }

    /** The first statement (not a PRAGMA) that names {@code table}, and {@code column} too unless it is null. */
    private Optional<Statement> mentioning(String table, String column) {
        for (Statement s : statements) {
            if (s.significant().get(0).is("pragma")) continue;
            if (names(s, table) && (column == null || names(s, column))) return Optional.of(s);
        }
        return Optional.empty();
    }

    private static boolean names(Statement s, String folded) {
        return s.significant().stream().anyMatch(t -> t.isIdentifier() && Identifiers.fold(t.identifier()).equals(folded));
    }

    /** Whether the file's own UPDATE, DELETE, INSERT or REPLACE statements change the rows of {@code table}. */
    boolean writes(String table) {
        return written.contains(Identifiers.fold(table));
    }

    /** Push's data check of the plan over the rows, made once: what the plan destroys and what the rows cannot take. */
    Findings dataCheck() throws SQLException {
        if (counts == null) throw new IllegalStateException("no rows to check: lint reads no database for " + migration);
        if (dataCheck == null) dataCheck = DataCheck.run(counts.stats(), plan, counts.before(), counts.after());
        return dataCheck;
    }

    /**
     * The tables whose rows the file's UPDATE, DELETE, INSERT and REPLACE statements change (folded): a count made
     * before the file runs may not hold for the steps after them. Only the target counts: INSERT INTO new SELECT ...
     * FROM old (a hand-written rebuild) reads old without changing it.
     */
    static Set<String> dmlTables(List<Statement> statements) {
        Set<String> out = new HashSet<>();
        for (Statement s : statements) {
            List<Token> sig = s.significant();
            Token first = sig.get(0);
            String after = first.is("update") ? null : first.is("delete") ? "from" : first.is("insert") || first.is("replace") ? "into" : "";
            if ("".equals(after)) continue;
            int i = 1;
            if (after == null) {
                if (sig.size() > 2 && sig.get(1).is("or")) i = 3; // UPDATE OR REPLACE t
            } else {
                while (i < sig.size() && !sig.get(i).is(after)) i++;
                i++;
            }
            if (i + 2 < sig.size() && sig.get(i + 1).isPunct(".")) i += 2; // schema.table
            if (i < sig.size() && sig.get(i).isIdentifier()) out.add(Identifiers.fold(sig.get(i).identifier()));
        }
        return out;
    }
}
