/**
 * Rename hints: the {@code -- @renamed from=old} comments of a declared schema ({@link RenameHints}), bound to the
 * column or table on their line ({@link HintBinder}), and the {@code liteshift_renames} table that records the swaps
 * a database has been through ({@link RenameRecords}). It stands on the {@code sql} package alone: no schema, no inspection.
 */
package io.liteshift.hints;
