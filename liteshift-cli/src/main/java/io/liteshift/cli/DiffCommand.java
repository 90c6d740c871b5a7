package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.SchemaSource;
import io.liteshift.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "diff", description = {
        "Print the SQL that takes FROM to TO, with a comment on every step; print nothing when they are equal.",
        "FROM and TO are each a database (a path, file: or jdbc:sqlite: URL)",
        "or a declared schema (a file ending in .sql, or a directory of them)."})
final class DiffCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "FROM", description = "the current side")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TO", description = "the wanted side")
    String to;

    @picocli.CommandLine.Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = LiteShift.diff(SchemaSource.parse(from), SchemaSource.parse(to));
        if (!plan.isEmpty()) spec.commandLine().getOut().print(plan.toSql());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
