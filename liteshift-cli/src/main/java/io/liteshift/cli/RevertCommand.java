package io.liteshift.cli;

import io.liteshift.migrate.GenerateResult;
import io.liteshift.report.JsonResults;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "revert", header = "Write a new migration that takes the schema back to what it was after migration N.",
        description = {
        "Write a new migration that takes the schema back to what it was after migration N. History is never deleted or",
        "rewritten: apply the new migration with `liteshift migrate`. Renames are undone as renames, so values survive."})
final class RevertCommand extends ProjectCommand {
    @Option(names = "--to", required = true, paramLabel = "N", description = "the migration whose schema to go back to (0: empty)")
    int to;
    @Option(names = "--name", paramLabel = "SLUG", description = "the new migration's name (default: revert_to_NNNN)")
    String name;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        GenerateResult r = Setup.files(project).revert(to, name);
        if (json.on) return Json.print(spec, 0, JsonResults.generated(r));
        Reports.generated(r, "Nothing to revert: the schema after " + Reports.version(to) + " equals the current one."
                + " Nothing was written.", report());
        return 0;
    }
}
