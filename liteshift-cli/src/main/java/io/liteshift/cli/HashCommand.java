package io.liteshift.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "hash", description = {
        "Accept the migrations directory as it is after a reviewed hand edit: rewrite the integrity file (liteshift.sum)",
        "and refresh the schema snapshots of changed migrations (replayed on an empty in-memory database)."})
final class HashCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> written = Setup.files(project).hash();
        written.forEach(f -> spec.commandLine().getOut().println("wrote " + project.resolve().migrations().resolve(f)));
        return 0;
    }
}
