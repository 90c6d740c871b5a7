package io.liteshift.cli;

import io.liteshift.lint.LintReport;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

@Command(name = "lint", header = "Classify every step of the pending migrations, with the real row counts when given a database.",
        description = {
        "Classify every step of the pending migrations: destructive, data-dependent,",
        "breaking a rolling deploy, blocking (table rebuilds), unsafe SQL.",
        "With a database (--db, DATABASE_URL or liteshift.toml; only read), the pending",
        "migrations are checked against the real rows; without one, every migration",
        "(or from --from N on) is linted for what MAY fail.",
        "Exit code 0 when no error is found, 6 when one is."})
final class LintCommand extends ProjectCommand {
    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Option(names = "--from", paramLabel = "N", description = "lint only migrations from version N on (default: all, or all pending)")
    int from;

    @Override
    public Integer call() {
        LintReport r = Setup.project(project).lint(from);
        PrintWriter out = out();
        int exit = r.hasErrors() ? Main.NOT_UP_TO_DATE : 0;
        if (json) {
            out.println(Json.of(json(r)));
            return exit;
        }
        Reports.lint(r, report());
        return exit;
    }

    private static Map<String, Object> json(LintReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database());
        m.put("ok", !r.hasErrors());
        m.put("linted", r.linted());
        m.put("suppressed", r.suppressed());
        m.put("issues", r.issues().stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", i.code());
            x.put("severity", i.severity().name().toLowerCase(Locale.ROOT));
            x.put("file", i.file());
            x.put("line", i.line());
            x.put("subject", i.subject());
            x.put("message", i.message());
            x.put("fix", i.fix());
            return x;
        }).toList());
        return m;
    }
}
