package io.liteshift.plan;

/** One SQL statement of a plan, with a comment saying what it does and why. */
public record Step(String comment, String sql) {
    @Override
    public String toString() {
        return (comment.isEmpty() ? "" : "-- " + comment.replace("\n", "\n-- ") + "\n") + sql + ";";
    }
}
