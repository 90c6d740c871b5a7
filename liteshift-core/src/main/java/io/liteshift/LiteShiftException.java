package io.liteshift;

/**
 * Every failure liteshift reports. The message is written for a person: what failed, where (file, line,
 * statement or table), why, and what to do. The database is always left as it was.
 *
 * <p>Commands and settings the message names are {@link Fix} references: {@link #getMessage()} names them as the
 * Java API does, {@link #message(Fix.FrontEnd)} as another front end does.
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
        /**
         * The database is behind its migrations, and this needs them applied first: seeds are written for the migrated
         * schema. Nothing was changed.
         */
        NOT_MIGRATED,
        /** Applying failed; everything was rolled back. */
        FAILED,
        /**
         * The database file is damaged: SQLite reports it corrupt or not a database, or a check found damaged pages.
         * Nothing was written to it; the message says how to get a sound file back.
         */
        DAMAGED
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

    /** The message for the Java API: commands and settings as {@code LiteShift#hash()}, {@code lockTimeout(...)}. */
    @Override
    public String getMessage() {
        return message(Fix.FrontEnd.JAVA);
    }

    /** The message as {@code frontEnd} prints it. */
    public String message(Fix.FrontEnd frontEnd) {
        return Fix.render(text(), frontEnd);
    }

    /** The message with its {@link Fix} references not yet rendered: for building a longer message from this one. */
    public String text() {
        return super.getMessage();
    }
}
