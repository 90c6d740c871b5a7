package io.liteshift.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "new", description = "Create an empty numbered migration for hand-written SQL (seed rows, backfills, a rebuild of your own).")
final class NewCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;
    @Option(names = "--name", required = true, paramLabel = "SLUG", description = "the migration's name, e.g. backfill_emails")
    String name;
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = Setup.files(project).newMigration(name);
        spec.commandLine().getOut().println("wrote " + file + "\nNext: write the SQL, then run `liteshift hash`.");
        return 0;
    }
}
