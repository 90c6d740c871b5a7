package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.Fix;
import io.liteshift.config.ProjectConfig;
import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.report.JsonReports;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


@Command(name = "rehearse", header = "Try the pending migrations on an online copy of the database, measured and verified.",
        description = {
        "Try the pending migrations on a copy of the database before deploying them: an online copy (SQLite's backup;",
        "the original is only read) in a temporary directory, the pending migrations applied to it as `migrate` would,",
        "then `verify` on it. Reports, per migration, its duration, the rows it changed and the size before and after.",
        "Exit code 0 when everything applied and verified; the failing migration's code (1 failed, 4 rows refused, 5",
        "history refused) when one fails on the copy; 6 when verify finds problems on the migrated copy."})
final class RehearseCommand extends ProjectCommand {
    @Mixin
    JsonOption json;

    @Option(names = "--keep", description = "keep the migrated copy and print its path (default: deleted)")
    boolean keep;

    @Option(names = "--out-of-order", description = "apply pending migrations older than the newest applied one, as migrate would")
    boolean outOfOrder;

    @Override
    public Integer call() {
        ProjectConfig c = project.resolve();
        String database = project.requireDatabase();
        Configuration config = c.configure().database(database);
        if (outOfOrder) config.outOfOrder(true); // else as set in liteshift.toml
        RehearsalReport r = config.load().rehearse(keep);
        int code = r.failure() != null ? Main.exitCode(r.failure().reason()) : r.problems().isEmpty() ? 0 : Main.NOT_UP_TO_DATE;
        if (json.on) return Json.print(spec, r.ok(), code, JsonReports.rehearsal(r));
        Reports.rehearsal(r, report());
        return code;
    }
}
