package io.liteshift.cli;

import io.liteshift.Fix;
import io.liteshift.report.ReportOutput;

import java.io.PrintWriter;

/** How the command line prints the shared reports: lines to standard output, warnings to standard error. */
final class ConsoleOutput {
    private ConsoleOutput() {
    }

    static ReportOutput of(PrintWriter out, PrintWriter err) {
        return new ReportOutput() {
            public void line(String text) {
                out.println(text);
            }

            public void warning(String text) {
                err.println("liteshift: warning: " + text);
            }

            public Fix.FrontEnd frontEnd() {
                return Fix.FrontEnd.COMMAND_LINE;
            }
        };
    }
}
