package io.liteshift.cli;

import io.liteshift.report.JsonResults;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "hash", header = "Accept the migrations directory after a reviewed edit: rewrite liteshift.sum and the snapshots.",
        description = {
        "Accept the migrations directory as it is after a reviewed hand edit: rewrite the integrity file (liteshift.sum)",
        "and refresh the schema snapshots of changed migrations (replayed on an empty in-memory database)."})
final class HashCommand extends ProjectCommand {
    @Mixin
    JsonOption json;


    @Override
    public Integer call() {
        List<String> written = Setup.files(project).hash();
        if (json.on) return Json.print(spec, 0, JsonResults.hashed(project.resolve().migrations(), written));
        Reports.hashed(written, project.resolve().migrations(), report());
        return 0;
    }
}
