package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.Fix;
import io.liteshift.config.ProjectConfig;
import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "rehearse", header = "Try the pending migrations on an online copy of the database, measured and verified.",
        description = {
        "Try the pending migrations on a copy of the database before deploying them: an online copy (SQLite's backup;",
        "the original is only read) in a temporary directory, the pending migrations applied to it as `migrate` would,",
        "then `verify` on it. Reports, per migration, its duration, the rows it changed and the size before and after.",
        "Exit code 0 when everything applied and verified; the failing migration's code (1 failed, 4 rows refused, 5",
        "history refused) when one fails on the copy; 6 when verify finds problems on the migrated copy."})
final class RehearseCommand extends ProjectCommand {
    @Option(names = "--json", description = "machine-readable output")
    boolean json;

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
        if (json) out().println(Json.of(json(r, code)));
        else Reports.rehearsal(r, report());
        return code;
    }

    private static Map<String, Object> json(RehearsalReport r, int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database());
        m.put("ok", r.ok());
        m.put("exitCode", code);
        m.put("copy", r.copy() == null ? null : r.copy().toString());
        m.put("sizeBefore", r.sizeBefore());
        m.put("sizeAfter", r.sizeAfter());
        m.put("migrations", r.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("version", s.label());
            step.put("name", s.name());
            step.put("durationMs", s.took().toMillis());
            step.put("rowsChanged", s.rowsChanged());
            step.put("sizeBefore", s.sizeBefore());
            step.put("sizeAfter", s.sizeAfter());
            return step;
        }).toList());
        if (r.failure() == null) {
            m.put("failure", null);
        } else {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("migration", r.failure().migration());
            f.put("reason", r.failure().reason().name().toLowerCase());
            f.put("message", r.failure().message(Fix.FrontEnd.COMMAND_LINE));
            m.put("failure", f);
        }
        m.put("problems", Json.problems(r.problems()));
        return m;
    }
}
