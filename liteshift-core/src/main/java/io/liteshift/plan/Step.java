package io.liteshift.plan;

import io.liteshift.sql.SqlText;

/** One SQL statement of a plan, with a comment saying what it does and why. */
public record Step(String comment, String sql) {

    /** A step whose statement is written without the blank lines and spaces around it. */
    static Step of(String comment, String sql) {
        return new Step(comment, SqlText.trimmed(sql));
    }

    @Override
    public String toString() {
        return (comment.isEmpty() ? "" : "-- " + comment.replace("\n", "\n-- ") + "\n") + sql + ";";
    }
}
