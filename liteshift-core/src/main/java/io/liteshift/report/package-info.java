/**
 * The texts of the commands' results, shared by every front end: {@link Reports} prints each result through the
 * {@link ReportOutput} a front end implements, so that a build log says what the command line says. It only prints;
 * what is a failure is the front end's call.
 */
package io.liteshift.report;
