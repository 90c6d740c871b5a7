package io.liteshift.cli;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.lint.LintReport;
import io.liteshift.report.JsonReports;
import io.liteshift.report.LintFormat;
import io.liteshift.report.LintPlace;
import io.liteshift.report.ReportFile;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "lint", header = "Classify every step of the pending migrations, with the real row counts when given a database.",
        description = {
        "Classify every step of the pending migrations: destructive, data-dependent,",
        "breaking a rolling deploy, blocking (table rebuilds), unsafe SQL.",
        "With a database (--db, DATABASE_URL or liteshift.toml; only read), the pending",
        "migrations are checked against the real rows; without one, every migration",
        "(or from --from N on) is linted for what MAY fail.",
        "--format github prints GitHub Actions annotations, --format sarif a SARIF 2.1.0 log for code scanning;",
        "their paths are relative to the current directory (run it from the repository's root).",
        "Exit code 0 when no error is found, 6 when one is."})
final class LintCommand extends ProjectCommand {
    @Mixin
    JsonOption json;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), github (workflow commands: annotations on the pull request's lines) or sarif (SARIF 2.1.0)")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the findings to FILE (replaced whole) instead of standard output")
    Path output;

    @Option(names = "--from", paramLabel = "N", description = "lint only migrations from version N on (default: all, or all pending)")
    int from;

    @Override
    public Integer call() {
        LintFormat chosen = LintFormat.named(format, "--format");
        if (json.on && chosen != LintFormat.TEXT) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "--json and --format "
                    + chosen.id() + " both say how to print the findings. Pass one of them.");
        }
        LintReport r = Setup.project(project).lint(from);
        int exit = r.hasErrors() ? Main.NOT_UP_TO_DATE : 0;
        StringBuilder text = new StringBuilder();
        if (json.on) {
            text.append(Json.of(JsonReports.envelope(spec.name(), exit == 0, exit, JsonReports.lint(r))))
                    .append('\n');
        } else {
            LintPlace place = LintPlace.of(project.resolve().migrations(), ProjectOptions.workingDir(), Main.version(), Fix.FrontEnd.COMMAND_LINE);
            Reports.lint(r, chosen, place, ConsoleOutput.collecting(text, err()));
        }
        if (output == null) {
            out().print(text);
            out().flush();
            return exit;
        }
        Path target = ProjectOptions.workingDir().resolve(output).normalize();
        ReportFile.write(target, text.toString(), "--output", "lint.sarif", null);
        out().println("Wrote " + output + " (" + (json.on ? "json" : chosen.id()) + "): " + r.issues().size() + " finding(s), "
                + r.errors().size() + " error(s).");
        return exit;
    }
}
