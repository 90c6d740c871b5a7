package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.PushOptions;
import io.liteshift.PushResult;
import io.liteshift.lint.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "push", description = {
        "Bring a database to the declared schema keeping every row, or refuse and change nothing.",
        "Everything is applied in one transaction; a refusal says why and how to fix it."})
final class PushCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "DB", defaultValue = "${env:DATABASE_URL}",
            description = "the database: a path, file: or jdbc:sqlite: URL (default: $DATABASE_URL)")
    String db;

    @Option(names = "--schema", required = true, paramLabel = "FILE", description = "the declared schema: a .sql file or a directory of them")
    Path schema;

    @Option(names = "--yes", description = "accept dropping tables and columns that hold data")
    boolean yes;

    @Option(names = "--dry-run", description = "print the plan and the checks, change nothing")
    boolean dryRun;

    @Option(names = "--create", description = "create the database file if it does not exist")
    boolean create;

    @picocli.CommandLine.Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PushOptions options = new PushOptions(yes, dryRun, create);
        PushResult r = LiteShift.push(db, schema, options);
        PrintWriter out = spec.commandLine().getOut();
        for (String w : r.warnings()) spec.commandLine().getErr().println("liteshift: warning: " + w);
        if (r.plan().isEmpty()) {
            out.println("Nothing to do: the database already matches " + schema + ".");
            return 0;
        }
        out.print(r.plan().toSql());
        out.println();
        for (Finding f : r.findings().all()) {
            out.println((f.kind() == Finding.Kind.DESTRUCTIVE ? "destroys: " : "note: ") + f.message());
        }
        if (r.applied()) {
            out.printf("Applied %d steps (%d changes) in %d ms.%n", r.plan().steps().size(), r.plan().changes().size(), r.took().toMillis());
        } else {
            out.println("Dry run: nothing was changed.");
        }
        return 0;
    }
}
