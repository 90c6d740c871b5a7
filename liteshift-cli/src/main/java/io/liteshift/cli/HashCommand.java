package io.liteshift.cli;

import io.liteshift.report.Reports;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "hash", header = "Accept the migrations directory after a reviewed edit: rewrite liteshift.sum and the snapshots.",
        description = {
        "Accept the migrations directory as it is after a reviewed hand edit: rewrite the integrity file (liteshift.sum)",
        "and refresh the schema snapshots of changed migrations (replayed on an empty in-memory database)."})
final class HashCommand extends ProjectCommand {

    @Override
    public Integer call() {
        List<String> written = Setup.files(project).hash();
        Reports.hashed(written, project.resolve().migrations(), report());
        return 0;
    }
}
