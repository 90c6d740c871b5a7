package io.liteshift.maven;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.report.LintFormat;
import io.liteshift.report.LintPlace;
import io.liteshift.report.ReportFile;
import io.liteshift.report.ReportOutput;
import io.liteshift.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Classifies every step of the pending migrations (destructive, data-dependent, breaking a rolling deploy, blocking,
 * unsafe SQL). With a database (only read) the pending migrations are checked against the real rows; without one,
 * every migration (or from {@code from} on) is linted for what may fail. Fails the build when an error is found.
 * {@code format} {@code github} prints GitHub Actions annotations, {@code sarif} writes a SARIF 2.1.0 log for code
 * scanning.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends LiteShiftMojo {
    /** Lint only migrations from this version on (0: all, or all pending). */
    @Parameter(property = "liteshift.from", defaultValue = "0")
    int from;

    /**
     * How to report the findings: {@code text} (the build log), {@code github} (GitHub Actions workflow commands, so
     * the findings show on the pull request's lines) or {@code sarif} (a SARIF 2.1.0 log for code scanning).
     */
    @Parameter(property = "liteshift.format", defaultValue = "text")
    String format;

    /**
     * The file to write the findings to (replaced whole), relative to the project's directory. Default: none (the
     * build's output) for {@code text} and {@code github}, {@code target/liteshift-lint.sarif} for {@code sarif}.
     */
    @Parameter(property = "liteshift.output")
    File output;

    /** Where the build was started: the repository's root in CI, which the paths of annotations are relative to. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Override
    void run() throws MojoFailureException {
        LintFormat chosen = LintFormat.named(format, "-Dliteshift.format (<format> in the plugin's configuration)");
        LintReport r = configure().load().lint(from);
        LintPlace place = LintPlace.of(settings().migrations(), executionRoot.toPath(), pluginVersion, Fix.FrontEnd.MAVEN);
        Path file = output != null ? output.toPath() : chosen == LintFormat.SARIF ? buildDirectory.toPath().resolve("liteshift-lint.sarif") : null;
        if (file != null) {
            StringBuilder text = new StringBuilder();
            Reports.lint(r, chosen, place, lines(text::append));
            write(file, text.toString());
            getLog().info("liteshift: wrote " + file + " (" + chosen.id() + "): " + r.issues().size() + " finding(s), " + r.errors().size()
                    + " error(s).");
        } else if (chosen == LintFormat.GITHUB) {
            // the runner reads a workflow command only at the start of a line, and the build log puts "[INFO] " there
            Reports.lint(r, chosen, place, lines(line -> {
                System.out.print(line);
                System.out.flush();
            }));
        } else {
            Reports.lint(r, log());
        }
        if (r.hasErrors()) {
            throw new MojoFailureException("lint found " + r.errors().size() + " error(s) in the migrations:\n"
                    + r.errors().stream().map(LintIssue::toString).collect(Collectors.joining("\n")));
        }
    }

    /** Whole lines to {@code sink}, each with its line break; lint warns nothing. */
    private ReportOutput lines(Consumer<String> sink) {
        ReportOutput log = log();
        return new ReportOutput() {
            public void line(String text) {
                sink.accept(text + System.lineSeparator());
            }

            public void warning(String text) {
                log.warning(text);
            }

            public Fix.FrontEnd frontEnd() {
                return Fix.FrontEnd.MAVEN;
            }
        };
    }

    /** Into the build directory (or wherever {@code output} says), made when missing as Maven makes {@code target/}. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot create the directory of " + file + " (-Dliteshift.output): "
                    + e + ". Nothing was written.", e);
        }
        ReportFile.write(file.toAbsolutePath(), text, "-Dliteshift.output", "target/liteshift-lint.sarif", null);
    }
}
