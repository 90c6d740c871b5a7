package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.PushOptions;
import io.liteshift.PushResult;
import io.liteshift.config.ProjectConfig;
import io.liteshift.lint.LintIssue;
import io.liteshift.report.JsonResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "push", description = {
        "Bring a database to the declared schema keeping every row, or refuse and change nothing.",
        "Everything is applied in one transaction; a refusal says why and how to fix it.",
        "--online rebuilds tables while the application keeps writing (WAL mode), with a progress line on stderr.",
        "--each GLOB pushes to every matching database, --parallel N at once, and sums up in a table.",
        "The database and schema default to those in liteshift.toml (see liteshift init)."})
final class PushCommand extends ProjectCommand {
    @Option(names = "--yes", description = "accept dropping tables and columns that hold data")
    boolean yes;

    @Option(names = "--dry-run", description = "print the plan and the checks, change nothing")
    boolean dryRun;

    @Option(names = "--create", description = "create the database file if it does not exist")
    boolean create;

    @Option(names = "--backup", description = "take a verified backup (into the backups directory) just before applying the change")
    boolean backup;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    OnlineOption online;

    @Mixin
    EachOptions each;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (each.requested()) return EachRun.run(this, each, false, this::one);
        String db = project.requireDatabase();
        ProjectConfig c = project.resolve();
        Path schema = c.schema();
        OnlineProgress progress = OnlineProgress.to(err());
        PushResult r;
        try {
            r = LiteShift.push(db, Setup.declaredSource(c), options(c, c.backups(), progress));
        } finally {
            progress.close();
        }
        if (json.on) return Json.print(spec, 0, JsonResults.pushed(db, r, dryRun));
        PrintWriter out = out();
        r.recoveries().forEach(line -> out.println(line + "."));
        if (r.plan().isEmpty()) {
            out.println("Nothing to do: the database already matches " + (c.schemaClass() != null ? c.schemaLabel() : shown(schema)) + ".");
            return 0;
        }
        // an online push ran no such script: it says what changed, and each rebuild's figures below
        out.print(online.on() && !r.plan().rebuilds().isEmpty() ? summary(r.plan()) : r.plan().toSql());
        out.println();
        for (LintIssue f : r.findings().all()) {
            out.println((f.lintCode().destroysData() ? "destroys: " : "note: ") + f.messageAndFix());
        }
        r.backup().ifPresent(b -> out.println("backup " + b));
        r.online().ifPresent(o -> o.rebuilt().forEach(x -> out.println(online(x))));
        if (r.applied() && r.online().isPresent()) {
            io.liteshift.migrate.OnlineOutcome o = r.online().get();
            out.printf("Applied %d change%s in %d ms: %s rebuilt online, then %d step%s in one transaction.%n", r.plan().changes().size(),
                    r.plan().changes().size() == 1 ? "" : "s", r.took().toMillis(),
                    String.join(", ", o.rebuilt().stream().map(io.liteshift.online.OnlineResult::table).toList()),
                    o.rest().steps().size(), o.rest().steps().size() == 1 ? "" : "s");
        } else if (r.applied()) {
            out.printf("Applied %d steps (%d changes) in %d ms.%n", r.plan().steps().size(), r.plan().changes().size(), r.took().toMillis());
        } else {
            out.println("Dry run: nothing was changed.");
        }
        return 0;
    }

    /** The flags as options; {@code backups} is where --backup puts the backup. */
    private PushOptions options(ProjectConfig c, Path backups, OnlineProgress progress) {
        return new PushOptions(yes, dryRun, create, backup ? backups : null, lockTimeout.or(c))
                .online(online.on()).maxLock(online.maxLock(PushOptions.DEFAULT_MAX_LOCK, true)).onlineProgress(progress);
    }

    /** The plan's changes and rebuilt tables, without the one-transaction script that an online push does not run. */
    private static String summary(io.liteshift.plan.Plan plan) {
        StringBuilder sb = new StringBuilder("-- liteshift plan, online: ").append(plan.changes().size())
                .append(plan.changes().size() == 1 ? " change" : " changes").append('\n');
        plan.changes().forEach(c -> sb.append("--   ").append(c.describe()).append('\n'));
        plan.rebuilds().forEach(m -> sb.append("-- rebuilds ").append(m.to().name()).append(" online: ")
                .append(String.join("; ", m.reasons())).append('\n'));
        return sb.toString();
    }

    /** "rebuilt items online: 400,000 rows in 6.1 s (2,140 chunks, 65,000 rows/s; the longest lock 14 ms)". */
    static String online(io.liteshift.online.OnlineResult x) {
        return String.format(java.util.Locale.ROOT, "rebuilt %s online: %,d rows in %s (%,d chunks, %,.0f rows/s; the longest lock %d ms)",
                x.table(), x.rows(), io.liteshift.report.Reports.duration(x.copyTime()), x.chunks(), x.rowsPerSecond(),
                x.longestLock().toMillis());
    }

    /**
     * One database of {@code --each}: the same push, its backup kept apart like the databases themselves, its progress
     * lines (never one redrawn in place: databases run side by side) prefixed with its name.
     */
    private EachRun.Row one(io.liteshift.EachDatabase.Match db) {
        ProjectConfig c = project.resolve();
        PushResult r = LiteShift.push(db.file().toString(), Setup.declaredSource(c),
                options(c, EachRun.below(c.backups(), db), OnlineProgress.lines(err(), db.name() + ": ")));
        java.util.List<String> messages = new java.util.ArrayList<>();
        r.recoveries().forEach(line -> messages.add("note: " + line + "."));
        r.online().ifPresent(o -> o.rebuilt().forEach(x -> messages.add("note: " + online(x))));
        for (LintIssue f : r.findings().all()) messages.add((f.lintCode().destroysData() ? "destroys: " : "note: ") + f.messageAndFix());
        r.backup().ifPresent(b -> messages.add("backup " + b));
        String result = r.plan().isEmpty() ? "up to date" : r.applied() ? "pushed" : "dry run";
        String detail = r.plan().isEmpty() ? "" : r.plan().steps().size() + " steps, " + r.plan().rebuilds().size() + " rebuilt"
                + (online.on() && !r.plan().rebuilds().isEmpty() ? " online" : "");
        return new EachRun.Row(0, result, "-", detail, messages, java.util.Map.of()); // push has no --json here
    }

    /** The schema path as short as it can be said from the current directory. */
    private static Path shown(Path schema) {
        Path wd = ProjectOptions.workingDir();
        return schema.startsWith(wd) ? wd.relativize(schema) : schema;
    }
}
