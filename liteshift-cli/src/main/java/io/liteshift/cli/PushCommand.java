package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
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
    JsonOption json;

    @Override
    public Integer call() {
        String db = project.requireDatabase();
        ProjectConfig c = project.resolve();
        Path schema = c.schema();
        PushResult r = LiteShift.push(db, Setup.declaredSource(c), new PushOptions(yes, dryRun, create, backup ? c.backups() : null, lockTimeout.or(c)));
        if (json.on) return Json.print(spec, 0, JsonResults.pushed(db, r, dryRun));
        PrintWriter out = out();
        if (r.plan().isEmpty()) {
            out.println("Nothing to do: the database already matches " + (c.schemaClass() != null ? c.schemaLabel() : shown(schema)) + ".");
            return 0;
        }
        out.print(r.plan().toSql());
        out.println();
        for (LintIssue f : r.findings().all()) {
            out.println((f.lintCode().destroysData() ? "destroys: " : "note: ") + f.messageAndFix());
        }
        r.backup().ifPresent(b -> out.println("backup " + b));
        if (r.applied()) {
            out.printf("Applied %d steps (%d changes) in %d ms.%n", r.plan().steps().size(), r.plan().changes().size(), r.took().toMillis());
        } else {
            out.println("Dry run: nothing was changed.");
        }
        return 0;
    }

    /** The schema path as short as it can be said from the current directory. */
    private static Path shown(Path schema) {
        Path wd = ProjectOptions.workingDir();
        return schema.startsWith(wd) ? wd.relativize(schema) : schema;
    }
}
