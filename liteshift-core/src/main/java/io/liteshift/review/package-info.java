/**
 * The review page: one self-contained HTML file a reviewer decides a schema change from. {@link ReviewPage}
 * renders a {@link ReviewInput} (the schema before and after, rename hints, and the migrations with their steps,
 * lint findings and rehearsal figures) as a summary with a verdict, an entity-relationship diagram drawn as SVG,
 * and every migration's SQL with its findings at their lines. The package reads only the schema records and
 * SQLite's identifier rules, and writes sizes as every other message does ({@code sqlite.Bytes}); whoever fills the input (the command line, the Maven plugin) owns files and
 * databases.
 */
package io.liteshift.review;
