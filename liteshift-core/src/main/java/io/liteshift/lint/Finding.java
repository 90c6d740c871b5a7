package io.liteshift.lint;

/**
 * Something the rows in the database say about a plan.
 *
 * @param kind    how it bears on applying the plan
 * @param code    a stable identifier, e.g. {@code not-null-violated}
 * @param subject the table or table.column concerned
 * @param message what, how many rows, which ones, and what to do
 */
public record Finding(Kind kind, String code, String subject, String message) {

    public enum Kind {
        /** Data would be lost; applying needs explicit confirmation. */
        DESTRUCTIVE,
        /** Rows cannot satisfy the declared schema; applying is refused. */
        VIOLATION,
        /** Worth knowing, changes nothing (e.g. NULLs filled with a DEFAULT). */
        NOTE
    }

    @Override
    public String toString() {
        return message;
    }
}
