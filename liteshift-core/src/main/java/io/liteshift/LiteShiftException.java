package io.liteshift;

/**
 * Every failure liteshift reports. The message is written for a person: what failed, where (file, line,
 * statement or table), why, and what to do. The database is always left as it was.
 */
public class LiteShiftException extends RuntimeException {

    /** Why the work stopped; the CLI maps each to its own exit code. */
    public enum Reason {
        /** The input cannot be used: a missing file, a schema file that does not parse, a bad option. */
        INVALID_INPUT,
        /** The change would destroy data and was not confirmed. */
        REFUSED_DESTRUCTIVE,
        /** The rows in the database cannot satisfy the new schema. */
        REFUSED_DATA,
        /** The migration history cannot be trusted: an edited, missing, unlisted or out-of-order migration. */
        REFUSED_HISTORY,
        /** Applying failed; everything was rolled back. */
        FAILED
    }

    private final Reason reason;

    public LiteShiftException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LiteShiftException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
