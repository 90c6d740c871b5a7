/**
 * The third stage, plan: {@link Pipeline#plan} is the one way from two schemas to a {@link Plan}, the SQL steps
 * between them; {@link Planner} looks at each change once and uses SQLite's ALTER TABLE where it can change a table
 * in place ({@link TableWork}), the documented rebuild otherwise. It plans only: nothing here runs SQL on the user's
 * database.
 */
package io.liteshift.plan;
