package io.liteshift.cli;

import io.liteshift.migrate.GenerateResult;
import io.liteshift.report.JsonResults;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


@Command(name = "generate", header = "Write the next migration from the declared schema (nothing when nothing changed).",
        description = {
        "Write the next migration: the declared schema diffed against the schema the migrations directory produces",
        "(never the live database). Plain SQL to review, with a header saying what changes, which tables are rebuilt",
        "and why, and what needs attention. Writes nothing when nothing changed."})
final class GenerateCommand extends ProjectCommand {
    @Option(names = "--name", paramLabel = "SLUG", description = "the migration's name, e.g. add_orders (default: from the changes)")
    String name;

    @Option(names = "--online", description = "mark a migration that rebuilds a table `-- liteshift:online`: migrate then"
            + " copies its rows in short chunks while the application keeps writing (needs WAL mode)")
    boolean online;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        GenerateResult r = Setup.files(project).generate(name, online);
        if (json.on) return Json.print(spec, 0, JsonResults.generated(r));
        Reports.generated(r, project.resolve(), report());
        return 0;
    }
}
