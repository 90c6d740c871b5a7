package io.liteshift.cli;

import io.liteshift.migrate.Migration;
import io.liteshift.report.JsonResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "repair", header = "Accept reviewed edits of applied migrations (the journal takes the files' checksums).",
        description = {
        "Accept reviewed edits of applied migrations: the journal takes the files' checksums. Use only for edits that",
        "change nothing that ran (comments, formatting); a real change belongs in a new migration."})
final class RepairCommand extends ProjectCommand {
    @Mixin
    JsonOption json;


    @Override
    public Integer call() {
        List<Migration> repaired = Setup.database(project, null).repair();
        if (json.on) return Json.print(spec, 0, JsonResults.repaired(project.requireDatabase(), repaired));
        if (repaired.isEmpty()) out().println("Nothing to repair: every applied migration matches its file.");
        for (Migration m : repaired) out().println("accepted the edited " + m.fileName() + " (now sha256 " + m.checksum() + ")");
        return 0;
    }
}
