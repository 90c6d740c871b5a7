package io.liteshift.cli;

import io.liteshift.migrate.AppliedMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "baseline", description = {
        "Adopt an existing database (made before liteshift) whose schema already equals what migrations up to N produce.",
        "The match is checked, not assumed; then migrations up to N are recorded as applied without running."})
final class BaselineCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;
    @Option(names = "--version", required = true, paramLabel = "N", description = "the migration the database's schema matches")
    int version;
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<AppliedMigration> recorded = Setup.database(project, null).baseline(version);
        spec.commandLine().getOut().printf("Baselined %s at %04d: %d migration(s) recorded as applied; `liteshift migrate` applies the rest.%n",
                project.requireDatabase(), version, recorded.size());
        return 0;
    }
}
