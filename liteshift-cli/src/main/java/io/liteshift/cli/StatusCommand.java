package io.liteshift.cli;

import io.liteshift.migrate.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "status", description = {
        "Applied and pending migrations, drift and integrity problems. Reads only.",
        "Exit code 0 when the database is up to date, 6 when it is not."})
final class StatusCommand extends ProjectCommand {
    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        StatusReport r = Setup.database(project, null).status();
        PrintWriter out = out();
        if (json) {
            out.println(Json.of(Json.history(r.database(), r.history(), r.upToDate(), r.problems())));
            return r.upToDate() ? 0 : Main.NOT_UP_TO_DATE;
        }
        io.liteshift.report.Reports.status(r, project.resolve().migrations(), report());
        return r.upToDate() ? 0 : Main.NOT_UP_TO_DATE;
    }
}
