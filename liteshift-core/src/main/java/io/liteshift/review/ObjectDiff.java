package io.liteshift.review;

/**
 * An index, view, trigger or virtual table that differs between the schemas (unchanged ones are not kept).
 *
 * @param kind   "index", "view", "trigger" or "virtual table"
 * @param table  the table an index or trigger belongs to (its name after), or null
 * @param detail the definition as it is after (before, for a dropped one), on one line
 */
record ObjectDiff(String kind, String name, String table, State state, String detail) {
}
