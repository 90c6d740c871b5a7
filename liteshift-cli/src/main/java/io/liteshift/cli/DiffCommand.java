package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.SchemaSource;
import io.liteshift.plan.Plan;
import io.liteshift.report.JsonResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", description = {
        "Print the SQL that takes FROM to TO, with a comment on every step; print nothing when they are equal.",
        "FROM and TO are each a database (a path, file: or jdbc:sqlite: URL)",
        "or a declared schema (a file ending in .sql, or a directory of them);",
        "TO may instead be a Java class: --schema-class CLASS --classpath PATH."})
final class DiffCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "FROM", description = "the current side")
    String from;

    @Option(names = "--to", paramLabel = "TO", description = "the wanted side (or --schema-class)")
    String to;

    @Mixin
    SchemaClassOptions javaSchema;

    @Mixin
    CommonOptions common;
    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = LiteShift.diff(SchemaSource.parse(from), wanted());
        if (json.on) return Json.print(spec, 0, JsonResults.diff(from, to != null ? to : javaSchema.schemaClass, plan));
        if (!plan.isEmpty()) spec.commandLine().getOut().print(plan.toSql());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** --to, or the schema class: exactly one of them. */
    private SchemaSource wanted() {
        // usage errors, printed with the usage like a missing option
        if (to != null && javaSchema.schemaClass != null) {
            throw new ParameterException(spec.commandLine(), "--to and --schema-class were both given:"
                    + " the wanted side is one of them. Pass one.");
        }
        if (to == null && javaSchema.schemaClass == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--to=TO'"
                    + " (a database or a .sql schema), or --schema-class CLASS.");
        }
        if (to != null) {
            if (javaSchema.classpath != null) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "--classpath is for --schema-class;"
                        + " --to " + to + " needs none. Leave --classpath out.");
            }
            return SchemaSource.parse(to);
        }
        List<Path> entries = javaSchema.entries(ProjectOptions.workingDir());
        return SchemaSource.javaClass(javaSchema.schemaClass, SchemaClassOptions.loader(entries == null ? List.of() : entries));
    }
}
