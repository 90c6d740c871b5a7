/**
 * The fourth stage, lint: judges a change before it runs. {@link Linter} is the way in: each {@link Rule} reads a
 * plan, its statements and, with a database, the rows, and reports {@link LintIssue}s under a {@link LintCode};
 * push's data check ({@link Linter#dataCheck}) measures a plan against the rows the same way.
 */
package io.liteshift.lint;
