/**
 * The immutable records of a SQLite schema ({@link Schema}, {@link Table}, {@link Column}, the constraints, indexes,
 * views, triggers and virtual tables): what inspection produces and every later stage reads. They hold no database
 * and no SQL parsing.
 */
package io.liteshift.schema;
