/**
 * The texts of the commands' results, shared by every front end: {@link Reports} prints each result through the
 * {@link ReportOutput} a front end implements, so that a build log says what the command line says. It only prints;
 * what is a failure is the front end's call. Lint's findings are also written as GitHub Actions workflow commands or a
 * SARIF 2.1.0 log ({@link LintFormat}); {@link JsonText} writes the JSON of both SARIF and the command line's
 * {@code --json} (the bodies: {@link JsonReports}, {@link JsonResults}, {@link JsonBackups}).
 */
package io.liteshift.report;
