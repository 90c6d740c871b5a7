package io.liteshift.cli;

import io.liteshift.config.ProjectConfig;
import io.liteshift.report.JsonResults;
import io.liteshift.report.Reports;
import io.liteshift.seed.SeedResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(name = "seed", description = {
        "Run the seed files (default: the directory `seeds` beside the migrations directory) on a migrated database.",
        "Each seed runs once, in file-name order, in one transaction with its row in liteshift_seeds; a seed named",
        "R__name.sql is repeatable and runs again whenever its text changes (after the one-time seeds). A one-time seed",
        "edited after it ran is not run again (a warning says so). A failing seed is rolled back and named (file:line).",
        "Exit code 6 when migrations are pending (migrate first), 1 when a seed fails, 4 when it would orphan rows."})
final class SeedCommand extends ProjectCommand {
    @Option(names = "--seeds", paramLabel = "DIR", description = "the seeds directory (default: seeds, beside the migrations directory)")
    Path seeds;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ProjectConfig c = project.resolve();
        Path dir = seeds != null ? seeds.toAbsolutePath().normalize() : defaultDirectory(c.migrations());
        // the default directory may be missing (nothing to seed); one named with --seeds must exist, the library says so
        Path given = seeds != null || Files.isDirectory(dir) ? dir : null;
        String database = project.requireDatabase();
        PrintWriter out = out();
        // through the library, so that a failed write is explained (and a hot journal it left rolled back) as for migrate,
        // and so that it refuses while migrations are pending, as it does for Java and on boot
        SeedResult r = Setup.configuration(project, null).createMissing(false).lockTimeout(lockTimeout.or(c)).load().seed(given, List.of());
        if (json.on) return Json.print(spec, 0, JsonResults.seeded(database, given, r));
        Reports.seeded(r, report());
        if (given == null) out.println("Nothing to seed: no seeds directory " + dir + ".");
        else if (r.applied().isEmpty()) out.println("Nothing to do: every seed in " + dir + " has run (" + r.upToDate() + ").");
        else out.printf("Seeded %s: %d applied, %d already done.%n", database, r.applied().size(), r.upToDate());
        return 0;
    }

    /** {@code seeds} beside the migrations directory: both are the project's, neither belongs inside the other. */
    static Path defaultDirectory(Path migrations) {
        Path parent = migrations.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("seeds").toAbsolutePath() : parent.resolve("seeds");
    }
}
