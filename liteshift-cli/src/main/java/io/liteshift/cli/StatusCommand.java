package io.liteshift.cli;

import io.liteshift.EachDatabase;
import io.liteshift.Fix;
import io.liteshift.migrate.History;
import io.liteshift.report.JsonReports;
import io.liteshift.migrate.StatusReport;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "status", description = {
        "Applied and pending migrations, drift and integrity problems. Reads only.",
        "Exit code 0 when the database is up to date, 6 when it is not.",
        "--each GLOB: every matching database, --parallel N at once, summed up in a table."})
final class StatusCommand extends ProjectCommand {
    @Mixin
    JsonOption json;
    @Mixin
    EachOptions each;

    @Override
    public Integer call() {
        if (each.requested()) return EachRun.run(this, each, json.on, this::one);
        StatusReport r = Setup.database(project, null).status();
        PrintWriter out = out();
        if (json.on) return Json.print(spec, r.upToDate() ? 0 : Main.NOT_UP_TO_DATE, JsonReports.history(r.database(), r.history(), r.problems()));
        Reports.status(r, project.resolve().migrations(), report());
        return r.upToDate() ? 0 : Main.NOT_UP_TO_DATE;
    }

    private EachRun.Row one(EachDatabase.Match db) {
        StatusReport r = Setup.configuration(project, null, db).load().status();
        History h = r.history();
        String detail = h.pending().size() + " pending" + (r.problems().isEmpty() ? "" : ", " + r.problems().size() + " problem(s)");
        return new EachRun.Row(r.upToDate() ? 0 : Main.NOT_UP_TO_DATE, r.upToDate() ? "up to date" : "not up to date",
                EachRun.Row.version(h.version()), detail, r.problems().stream().map(p -> p.message(Fix.FrontEnd.COMMAND_LINE)).toList(),
                JsonReports.history(db.name(), h, r.problems()));
    }
}
