package io.liteshift.spring.boot;

import io.liteshift.LiteShiftException;

/**
 * liteshift refused or failed to migrate while the application started; {@link LiteShiftFailureAnalyzer} prints
 * liteshift's message instead of a stack trace, and the process exits with status 1 as for any failed startup.
 *
 * <p>It deliberately carries no exit code of its own (Spring Boot's {@code ExitCodeGenerator}): on a failed startup
 * Boot announces such a code with an event published on the dead context, which fails as soon as the context has an
 * application listener bean not yet created (Actuator has one) and buries the message in "Unable to close
 * ApplicationContext" and a stack trace. The reason is in the message and in {@link #liteShiftException()}.
 */
public final class LiteShiftStartupException extends RuntimeException {
    private final String database;
    private final String location;

    LiteShiftStartupException(String database, String location, LiteShiftException cause) {
        super("liteshift did not migrate " + database + " with " + location + ": " + cause.getMessage(), cause);
        this.database = database;
        this.location = location;
    }

    /** The refusal or failure, with its reason. */
    public LiteShiftException liteShiftException() {
        return (LiteShiftException) getCause();
    }

    /** How the database was named: its URL, or "the application's DataSource". */
    public String database() {
        return database;
    }

    /** The migrations location ({@code spring.liteshift.location}). */
    public String location() {
        return location;
    }
}
