/**
 * The first stage, inspect: {@link Inspector} reads the schema of a database into the {@code schema} records, the
 * one path for live files and declared schemas alike ({@link DeclaredSchema} runs {@code .sql} files into an
 * in-memory SQLite first, so SQLite itself validates them); {@link Bookkeeping} names the tables that are nobody's
 * schema.
 */
package io.liteshift.inspect;
