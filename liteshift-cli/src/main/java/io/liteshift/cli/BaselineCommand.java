package io.liteshift.cli;

import io.liteshift.migrate.AppliedMigration;
import io.liteshift.report.JsonResults;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "baseline", description = {
        "Adopt an existing database (made before liteshift) whose schema already equals what migrations up to N produce.",
        "The match is checked, not assumed; then migrations up to N are recorded as applied without running."})
final class BaselineCommand extends ProjectCommand {
    @Option(names = "--version", required = true, paramLabel = "N", description = "the migration the database's schema matches")
    int version;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        List<AppliedMigration> recorded = Setup.database(project, null).baseline(version);
        if (json.on) return Json.print(spec, 0, JsonResults.baselined(project.requireDatabase(), version, recorded));
        out().printf("Baselined %s at %s: %d migration(s) recorded as applied; `liteshift migrate` applies the rest.%n",
                project.requireDatabase(), Reports.version(version), recorded.size());
        return 0;
    }
}
