package io.liteshift.cli;

import io.liteshift.migrate.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "repair", description = {
        "Accept reviewed edits of applied migrations: the journal takes the files' checksums. Use only for edits that",
        "change nothing that ran (comments, formatting); a real change belongs in a new migration."})
final class RepairCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Migration> repaired = Setup.database(project, null).repair();
        if (repaired.isEmpty()) spec.commandLine().getOut().println("Nothing to repair: every applied migration matches its file.");
        for (Migration m : repaired) spec.commandLine().getOut().println("accepted the edited " + m.fileName() + " (now sha256 " + m.checksum() + ")");
        return 0;
    }
}
