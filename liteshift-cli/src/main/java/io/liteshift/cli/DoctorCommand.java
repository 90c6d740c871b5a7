package io.liteshift.cli;

import io.liteshift.config.ProjectConfig;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.doctor.Finding;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

@Command(name = "doctor", header = "Diagnose the common production errors before they bite. Reads only.",
        description = {
        "Diagnoses the common production errors before they bite: a missing or unwritable database file, an unmounted",
        "volume, a damaged file, an empty database where migrations exist, pending migrations and drift, disk space for",
        "the next rebuild, a Fly.io release machine, a LiteFS replica; and the settings every connection should make.",
        "Reads only, never creates the file. Exit code 0 when nothing is an error, 6 when something is."})
final class DoctorCommand extends ProjectCommand {
    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        ProjectConfig c = project.resolve();
        DoctorReport r = c.configure().database(project.requireDatabase()).load().doctor(c.backups()); // as the plugin's doctor goal, and the backups
        PrintWriter out = out();
        if (json) {
            out.println(Json.of(json(r)));
        } else {
            Reports.doctor(r, report());
        }
        return r.hasErrors() ? Main.NOT_UP_TO_DATE : 0;
    }

    private static Map<String, Object> json(DoctorReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database().toString());
        m.put("ok", !r.hasErrors());
        m.put("errors", r.count(Finding.Severity.ERROR));
        m.put("warnings", r.count(Finding.Severity.WARNING));
        m.put("findings", r.findings().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", f.code());
            x.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            x.put("found", f.found());
            x.put("cause", f.cause());
            x.put("fix", f.fix());
            return x;
        }).toList());
        return m;
    }
}
