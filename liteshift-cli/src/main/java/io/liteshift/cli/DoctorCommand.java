package io.liteshift.cli;

import io.liteshift.config.ProjectConfig;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.report.JsonReports;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;


@Command(name = "doctor", header = "Diagnose the common production errors before they bite. Reads only.",
        description = {
        "Diagnoses the common production errors before they bite: a missing or unwritable database file, an unmounted",
        "volume, a damaged file, an empty database where migrations exist, pending migrations and drift, disk space for",
        "the next rebuild, a Fly.io release machine, a LiteFS replica; and the settings every connection should make.",
        "Reads only, never creates the file. Exit code 0 when nothing is an error, 6 when something is."})
final class DoctorCommand extends ProjectCommand {
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ProjectConfig c = project.resolve();
        DoctorReport r = c.configure().database(project.requireDatabase()).load().doctor(c.backups()); // as the plugin's doctor goal, and the backups
        int exit = r.hasErrors() ? Main.NOT_UP_TO_DATE : 0;
        if (json.on) return Json.print(spec, exit, JsonReports.doctor(r));
        Reports.doctor(r, report());
        return exit;
    }
}
