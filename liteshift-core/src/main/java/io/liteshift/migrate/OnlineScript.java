package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.diff.Change;
import io.liteshift.hints.RenameHints;
import io.liteshift.inspect.Inspector;
import io.liteshift.online.OnlineOptions;
import io.liteshift.plan.Pipeline;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Step;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;
import io.liteshift.sqlite.JournalMode;
import io.liteshift.sqlite.SchemaVersion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A migration whose table rebuilds run online ({@link OnlineDirective}, or {@code online(true)}). It is run as what it
 * means: the schema before it (the directory replayed up to the one before) taken to the schema after it (the same
 * replay, through this file), with each rebuilt table copied online ({@link OnlineApplier}) and the rest of the plan,
 * planned again from the database as it is by then, in one last transaction with the journal row. Planning again is
 * what makes a killed run resumable: the next one does what is left.
 * <p>
 * So the file must be that plan: its statements are compared with the steps liteshift plans for the change, and a
 * migration that is not (an edited rebuild, a hand-written statement before or among the steps, a schema change of its
 * own) is refused at {@code file:line} before anything runs. Hand-written INSERT, UPDATE, DELETE and REPLACE statements
 * after the planned steps are allowed: they run in the last transaction, atomically with the swap's rest and the
 * journal row, and their foreign keys are checked before it commits.
 */
final class OnlineScript {
    private final MigrationScript script;
    private final String dir;
    private final Plan planned;
    private final Schema after;
    private final RenameHints hints;
    private final List<Statement> extras;

    private OnlineScript(MigrationScript script, String dir, Plan planned, Schema after, RenameHints hints, List<Statement> extras) {
        this.script = script;
        this.dir = dir;
        this.planned = planned;
        this.after = after;
        this.hints = hints;
        this.extras = extras;
    }

    /**
     * Reads {@code script} against the directory's replay: the plan it must be, and its statements after that plan.
     *
     * @return empty when the migration rebuilds no table: it runs in one transaction, as any other
     * @throws LiteShiftException INVALID_INPUT at file:line when the file is not the plan liteshift makes for it
     */
    static java.util.Optional<OnlineScript> read(MigrationDirectory directory, MigrationScript script) throws SQLException {
        Migration m = script.migration();
        Schema before;
        Schema after;
        try (Connection mem = Replay.run(directory, m.version() - 1, (x, db) -> { })) {
            before = Inspector.inspect(mem);
            ScriptRunner.run(mem, script, directory.label(), false);
            after = Inspector.inspect(mem);
        }
        RenameHints hints = RenameHistory.forwards(m);
        Plan plan = Pipeline.plan(before, after, hints, Pipeline.Hints.HISTORY);
        if (plan.rebuilds().isEmpty()) return java.util.Optional.empty();
        String at = directory.label() + "/" + m.fileName();
        List<Statement> statements = script.parts().stream().filter(p -> p.action() == MigrationScript.Action.RUN)
                .map(MigrationScript.Part::statement).toList();
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (i >= statements.size()) {
                throw notThePlan(at + ": the file ends before the step liteshift plans here: " + firstLine(steps.get(i)), null);
            }
            Statement s = statements.get(i);
            if (!normal(Lexer.tokenize(s.sql())).equals(normal(Lexer.tokenize(steps.get(i).sql())))) {
                throw notThePlan(at + ":" + s.line() + ": " + (writesRowsOnly(s)
                        ? "this hand-written statement comes before or among the steps liteshift plans for the change, where it"
                        + " would run before the online copy, in a transaction of its own that the rest could not undo"
                        : "this statement is not the step liteshift plans here (" + firstLine(steps.get(i))
                        + "): an edited rebuild, or a schema change of its own, cannot be copied online"), s);
            }
        }
        List<Statement> extras = statements.subList(steps.size(), statements.size());
        for (Statement s : extras) {
            if (!writesRowsOnly(s)) {
                throw notThePlan(at + ":" + s.line() + ": after the steps liteshift plans, a migration marked online may only"
                        + " write rows (INSERT, UPDATE, DELETE, REPLACE): they run in its last, brief transaction", s);
            }
        }
        return java.util.Optional.of(new OnlineScript(script, directory.label(), plan, after, hints, List.copyOf(extras)));
    }

    /**
     * Runs it on {@code c}, the connection to {@code file}.
     *
     * @param newerAppliedIsAnError as {@link ScriptRunner#run}: checked under the lock of the last transaction
     * @param notes                 gets what the run found of an interrupted one and did with it
     */
    ScriptRunner.Outcome run(Connection c, Path file, OnlineOptions options, boolean newerAppliedIsAnError, List<String> notes)
            throws SQLException {
        Migration m = script.migration();
        String at = dir + "/" + m.fileName();
        if (file == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, at + " rebuilds tables online, which needs the"
                    + " database file: configure " + Fix.setting(Fix.Setting.DATABASE) + " rather than a DataSource alone, or run it"
                    + " in one transaction (" + Fix.setting(Fix.Setting.OFFLINE) + "). Nothing was applied.");
        }
        JournalMode.requireWalForOnline(c, file, "applying " + at + " online", Fix.setting(Fix.Setting.OFFLINE));
        requireOnlyThisChange(c, at);
        long t0 = System.nanoTime();
        boolean[] appliedByOther = {false};
        OnlineOutcome done = OnlineApplier.apply(file, c, after, (conn, current) -> Pipeline.plan(current, after, hints, Pipeline.Hints.HISTORY), options, conn -> {
            Journal.create(conn);
            Journal.Probe now = Journal.probe(conn, m.version());
            if (now.applied()) {
                appliedByOther[0] = true;
                return;
            }
            if (newerAppliedIsAnError && now.newest() > m.version()) {
                throw new ScriptRunner.StepFailure(LiteShiftException.Reason.REFUSED_HISTORY, at + " is older than "
                        + SchemaVersion.label(now.newest()) + ", which another process applied meanwhile. Its tables were rebuilt online,"
                        + " the rest of it was not applied. Renumber it, or apply it with " + Fix.setting(Fix.Setting.OUT_OF_ORDER) + ".", null);
            }
            for (Statement s : extras) ScriptRunner.runPart(conn, new MigrationScript.Part(s, MigrationScript.Action.RUN), script, dir);
            ScriptRunner.checkForeignKeys(conn, script, dir);
            Journal.record(conn, m, Duration.ofNanos(System.nanoTime() - t0), "migrate");
        });
        done.recoveries().forEach(r -> notes.add(m.fileName() + ": " + r + "."));
        return appliedByOther[0] ? ScriptRunner.Outcome.APPLIED_BY_ANOTHER_PROCESS : ScriptRunner.Outcome.APPLIED;
    }

    /**
     * The database must be where the migration starts, or partway through it (a killed run): whatever is left to do
     * must be part of the change. A database with other differences (drift) is refused rather than "fixed" online.
     */
    private void requireOnlyThisChange(Connection c, String at) throws SQLException {
        Plan left = Pipeline.plan(Inspector.inspect(c), after, hints, Pipeline.Hints.HISTORY);
        Set<String> ours = planned.changes().stream().map(Change::describe).collect(Collectors.toSet());
        List<String> other = new ArrayList<>();
        for (Change ch : left.changes()) if (!ours.contains(ch.describe())) other.add(ch.describe());
        if (other.isEmpty()) return;
        throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, "refused applying " + at + " online: the schema of"
                + " the database is not the one this migration starts from (changed by hand?): it would also have to "
                + String.join("; ", other) + ". Nothing was applied. Look at `" + Fix.command(Fix.Command.STATUS) + "` (drift),"
                + " or run it in one transaction (" + Fix.setting(Fix.Setting.OFFLINE) + "), which runs the file as it is.");
    }

    private static LiteShiftException notThePlan(String what, Statement s) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, what + (s == null ? "" : "\n    "
                + io.liteshift.sql.SqlText.oneLine(s.sql())) + "\nA migration marked `" + OnlineDirective.LINE + "` must be the plan"
                + " liteshift generates for its change (its tables are rebuilt online, the rest runs in one last transaction),"
                + " with only hand-written INSERT, UPDATE, DELETE and REPLACE statements after it. Move other statements into a"
                + " migration of their own (`" + Fix.command(Fix.Command.GENERATE) + "` or `liteshift new`), or run this one in one"
                + " transaction: remove that line and run `" + Fix.command(Fix.Command.HASH) + "`, or migrate with "
                + Fix.setting(Fix.Setting.OFFLINE) + ". Nothing was applied.");
    }

    private static boolean writesRowsOnly(Statement s) {
        Token first = s.significant().get(0);
        return first.is("insert") || first.is("update") || first.is("delete") || first.is("replace") || first.is("with");
    }

    /** The statement as its significant tokens: spacing, comments and the case of keywords make no difference. */
    private static String normal(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.isTrivia()) continue;
            sb.append(t.kind() == Token.Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : t.text()).append(' ');
        }
        String s = sb.toString().strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    private static String firstLine(Step step) {
        String c = step.comment().isEmpty() ? step.sql() : step.comment();
        int nl = c.indexOf('\n');
        return nl < 0 ? c : c.substring(0, nl);
    }
}
