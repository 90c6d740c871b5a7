package io.liteshift;

import io.liteshift.apply.Applier;
import io.liteshift.apply.DatabaseUrl;
import io.liteshift.apply.Databases;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.inspect.RenameHints;
import io.liteshift.inspect.RenameRecords;
import io.liteshift.lint.DataCheck;
import io.liteshift.lint.Finding;
import io.liteshift.lint.Findings;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;
import io.liteshift.schema.Schema;
import io.liteshift.sql.SqliteErrors;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * liteshift's front door.
 *
 * <pre>{@code
 * Plan plan = LiteShift.diff(SchemaSource.parse("app.db"), SchemaSource.parse("schema.sql"));
 * PushResult r = LiteShift.push("file:/data/sqlite.db", Path.of("schema.sql"), PushOptions.defaults());
 * }</pre>
 */
public final class LiteShift {
    private LiteShift() {
    }

    /** The plan that takes {@code from} to {@code to}; empty when they are equal. */
    public static Plan diff(SchemaSource from, SchemaSource to) {
        // the two sides are independent: read them side by side (a large declared schema takes SQLite a while)
        java.util.concurrent.CompletableFuture<SchemaSource.Loaded> other = java.util.concurrent.CompletableFuture.supplyAsync(to::load);
        SchemaSource.Loaded a = from.load();
        SchemaSource.Loaded b;
        try {
            b = other.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        List<Change> changes = Differ.diff(a.schema(), b.schema(), from.notYetApplied(b.hints()));
        return Planner.plan(a.schema(), b.schema(), changes);
    }

    /** Brings the database to the declared schema, keeping every row, or refuses and changes nothing. */
    public static PushResult push(String database, Path schema, PushOptions options) {
        long t0 = System.nanoTime();
        SchemaSource.Loaded declared = new SchemaSource.Declared(schema).load();
        Path file = DatabaseUrl.toPath(database);
        try (Connection conn = Databases.open(file, options.createMissing(), false)) {
            Schema current = Inspector.inspect(conn);
            RenameHints hints = RenameRecords.withoutApplied(conn, declared.hints());
            Plan plan = planFor(current, declared, hints);
            List<String> warnings = Differ.unusableHints(current, declared.schema(), hints);
            if (plan.isEmpty()) return new PushResult(plan, new Findings(List.of()), false, since(t0), warnings);
            if (options.dryRun()) {
                Findings findings = DataCheck.run(conn, plan, current, declared.schema());
                refuseIfNeeded(findings, options, file, schema, warnings);
                return new PushResult(plan, findings, false, since(t0), warnings);
            }
            return Applier.inWriteTransaction(conn, c -> {
                // Under the write lock, plan again if another process changed the schema meanwhile (a concurrent push).
                Schema now = Inspector.inspect(c);
                Plan p = now.equals(current) ? plan : planFor(now, declared, RenameRecords.withoutApplied(c, declared.hints()));
                if (p.isEmpty()) return new PushResult(p, new Findings(List.of()), false, since(t0), warnings);
                Findings findings = DataCheck.run(c, p, now, declared.schema());
                refuseIfNeeded(findings, options, file, schema, warnings);
                Applier.runPlan(c, p, declared.schema());
                return new PushResult(p, findings, true, since(t0), warnings);
            });
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                    "cannot work on " + file + ": " + SqliteErrors.message(e) + ". Nothing was changed.", e);
        }
    }

    private static Plan planFor(Schema current, SchemaSource.Loaded declared, RenameHints hints) {
        return Planner.plan(current, declared.schema(), Differ.diff(current, declared.schema(), hints));
    }

    private static void refuseIfNeeded(Findings findings, PushOptions options, Path file, Path schema, List<String> warnings) {
        String also = warnings.isEmpty() ? "" : "\nNote that " + String.join("\nNote that ", warnings);
        if (findings.hasViolations()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DATA,
                    "refused: the rows in " + file + " cannot take the declared schema " + schema + ":\n"
                            + bullets(findings.of(Finding.Kind.VIOLATION))
                            + (findings.isDestructive() ? "\nThe change would also destroy data (needs --yes):\n"
                            + bullets(findings.of(Finding.Kind.DESTRUCTIVE)) : "")
                            + also + "\nNothing was changed.");
        }
        if (findings.isDestructive() && !options.allowDestructive() && !options.dryRun()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_DESTRUCTIVE,
                    "refused: pushing " + schema + " to " + file + " would destroy data:\n"
                            + bullets(findings.of(Finding.Kind.DESTRUCTIVE)) + also
                            + "\nNothing was changed. Run again with --yes to accept the loss (take a backup first).");
        }
    }

    private static String bullets(List<Finding> findings) {
        return findings.stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n"));
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
