package io.liteshift.report;

import io.liteshift.Fix;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * lint's findings as GitHub Actions workflow commands: a runner that reads {@code ::error file=F,line=N,title=T::M}
 * in a step's log shows M on line N of F in the pull request's diff. Errors become {@code error}, warnings
 * {@code warning}, notes {@code notice}.
 */
final class GitHubAnnotations {
    private GitHubAnnotations() {
    }

    static List<String> lines(LintReport r, LintPlace place) {
        List<String> lines = new ArrayList<>();
        for (LintIssue i : r.issues()) lines.add(command(i, place));
        return lines;
    }

    /** {@code ::warning file=migrations/0002_x.sql,line=3,title=drop-column::message%0AFix: fix} */
    static String command(LintIssue i, LintPlace place) {
        List<String> properties = new ArrayList<>();
        if (!i.file().isEmpty()) properties.add("file=" + property(place.path(i.file())));
        if (i.line() > 0) properties.add("line=" + i.line());
        properties.add("title=" + property(i.code()));
        String text = Fix.render(i.message(), place.frontEnd())
                + (i.fix().isEmpty() ? "" : "\nFix: " + Fix.render(i.fix(), place.frontEnd()));
        return "::" + level(i.severity()) + " " + String.join(",", properties) + "::" + data(text);
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /**
     * A command's message: the runner reads up to the end of the line and unescapes {@code %25}, {@code %0D} and
     * {@code %0A}, so a line break in a message stays in the annotation instead of ending the command. {@code %}
     * first, or the escapes themselves would be escaped again.
     */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property's value: as {@link #data}, and {@code :} and {@code ,}, which end a value, too. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
