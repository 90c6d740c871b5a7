package io.liteshift.cli;

import io.liteshift.report.JsonResults;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "new", description = "Create an empty numbered migration for hand-written SQL (seed rows, backfills, a rebuild of your own).")
final class NewCommand extends ProjectCommand {
    @Option(names = "--name", required = true, paramLabel = "SLUG", description = "the migration's name, e.g. backfill_emails")
    String name;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path file = Setup.files(project).newMigration(name);
        if (json.on) return Json.print(spec, 0, JsonResults.created(file));
        Reports.created(file, report());
        return 0;
    }
}
