package io.liteshift.cli;

import io.liteshift.report.JsonReports;
import io.liteshift.report.JsonText;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;

/**
 * How a command prints its {@code --json}: the body core's {@code io.liteshift.report.Json*} classes make, under the
 * envelope every output shares ({@code docs/json.md}), as one JSON text on standard output.
 */
final class Json {
    private Json() {
    }

    static String of(Map<String, Object> value) {
        return JsonText.of(value);
    }

    /** Prints {@code body} as {@code spec}'s command's output and returns {@code exitCode}, for {@code return Json.print(...)}. */
    static int print(CommandSpec spec, boolean ok, int exitCode, Map<String, Object> body) {
        spec.commandLine().getOut().println(of(JsonReports.envelope(spec.name(), ok, exitCode, body)));
        spec.commandLine().getOut().flush();
        return exitCode;
    }

    /** The same for an output whose exit code says whether it went well: 0 is ok. */
    static int print(CommandSpec spec, int exitCode, Map<String, Object> body) {
        return print(spec, exitCode == 0, exitCode, body);
    }
}
