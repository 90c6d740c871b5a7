package io.liteshift.maven;

import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.stream.Collectors;

/**
 * Classifies every step of the pending migrations (destructive, data-dependent, breaking a rolling deploy, blocking,
 * unsafe SQL). With a database (only read) the pending migrations are checked against the real rows; without one,
 * every migration (or from {@code from} on) is linted for what may fail. Fails the build when an error is found.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends LiteShiftMojo {
    /** Lint only migrations from this version on (0: all, or all pending). */
    @Parameter(property = "liteshift.from", defaultValue = "0")
    int from;

    @Override
    void run() throws MojoFailureException {
        LintReport r = configure().load().lint(from);
        Reports.lint(r, log());
        if (r.hasErrors()) {
            throw new MojoFailureException("lint found " + r.errors().size() + " error(s) in the migrations:\n"
                    + r.errors().stream().map(LintIssue::toString).collect(Collectors.joining("\n")));
        }
    }
}
