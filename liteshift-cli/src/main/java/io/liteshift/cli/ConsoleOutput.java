package io.liteshift.cli;

import io.liteshift.Fix;
import io.liteshift.report.ReportOutput;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** How the command line prints the shared reports: lines to standard output, warnings to standard error. */
final class ConsoleOutput {
    private ConsoleOutput() {
    }

    static ReportOutput of(PrintWriter out, PrintWriter err) {
        return lines(out::println, err);
    }

    /** Lines into {@code text} (for a file, or to print whole), warnings to standard error as usual. */
    static ReportOutput collecting(StringBuilder text, PrintWriter err) {
        return lines(line -> text.append(line).append('\n'), err);
    }

    private static ReportOutput lines(Consumer<String> lines, PrintWriter err) {
        return new ReportOutput() {
            public void line(String text) {
                lines.accept(text);
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
