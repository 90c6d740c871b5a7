package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import io.liteshift.config.ProjectConfig;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.StatusReport;
import io.liteshift.report.Reports;
import io.liteshift.seed.SeedResult;
import io.liteshift.report.JsonReports;
import io.liteshift.report.JsonResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @picocli.CommandLine.Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ProjectConfig c = project.resolve();
        Path dir = seeds != null ? seeds.toAbsolutePath().normalize() : defaultDirectory(c.migrations());
        if (seeds != null && !Files.isDirectory(dir)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the seeds directory " + dir + " does not exist. Check --seeds.");
        }
        String database = project.requireDatabase();
        PrintWriter out = out();
        if (Files.isDirectory(c.migrations())) {
            StatusReport status = Setup.database(project, null).status();
            List<Migration> pending = status.history().pending();
            if (!pending.isEmpty()) {
                String message = database + " has " + pending.size() + " pending migration(s) (first: " + pending.get(0).fileName()
                        + "); seeds are written for the migrated schema. Run `liteshift migrate` first. Nothing was seeded.";
                err().println("liteshift: " + message);
                if (!json.on) return Main.NOT_UP_TO_DATE;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", JsonReports.error("pending", message, List.of("liteshift migrate"), Main.NOT_UP_TO_DATE));
                return Json.print(spec, false, Main.NOT_UP_TO_DATE, body);
            }
        }
        // through the library, so that a failed write is explained (and a hot journal it left rolled back) as for migrate
        SeedResult r = Setup.configuration(project, null).createMissing(false).lockTimeout(lockTimeout.or(c)).load().seed(dir, List.of());
        if (json.on) return Json.print(spec, 0, JsonResults.seeded(database, Files.isDirectory(dir) ? dir : null, r));
        Reports.seeded(r, report());
        if (!Files.isDirectory(dir)) out.println("Nothing to seed: no seeds directory " + dir + ".");
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
