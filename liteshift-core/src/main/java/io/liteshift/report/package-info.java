/**
 * What the front ends print, written once: {@link io.liteshift.report.Reports} renders each command's result as text
 * lines through a {@link io.liteshift.report.ReportOutput} the front end implements, and lint's findings also as
 * GitHub Actions workflow commands or a SARIF 2.1.0 log ({@link io.liteshift.report.LintFormat}).
 * {@link io.liteshift.report.JsonText} writes the JSON of both SARIF and the command line's {@code --json}.
 */
package io.liteshift.report;
