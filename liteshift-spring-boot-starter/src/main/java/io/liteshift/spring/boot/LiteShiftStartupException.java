package io.liteshift.spring.boot;

import io.liteshift.LiteShiftException;
import org.springframework.boot.ExitCodeGenerator;

/**
 * liteshift refused or failed to migrate while the application started. Spring Boot exits with the command line's
 * exit code for the reason (2 invalid input, 3 destructive, 4 data, 5 history, 1 failed), and {@link
 * LiteShiftFailureAnalyzer} prints liteshift's message instead of a stack trace.
 */
public final class LiteShiftStartupException extends RuntimeException implements ExitCodeGenerator {
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

    @Override
    public int getExitCode() {
        return switch (liteShiftException().reason()) {
            case INVALID_INPUT -> 2;
            case REFUSED_DESTRUCTIVE -> 3;
            case REFUSED_DATA -> 4;
            case REFUSED_HISTORY -> 5;
            case FAILED -> 1;
        };
    }
}
