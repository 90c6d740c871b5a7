/**
 * The second stage, diff: {@link Differ} compares two schemas once into a {@link Diff}, the {@link Change}s that
 * turn the current schema into the declared one (a changed column with the set of its {@link ColumnChange}s) and the
 * rename hints it could not use. It writes no SQL and reads no database.
 */
package io.liteshift.diff;
