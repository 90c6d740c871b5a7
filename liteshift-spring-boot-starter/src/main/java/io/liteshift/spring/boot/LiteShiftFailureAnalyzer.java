package io.liteshift.spring.boot;

import io.liteshift.LiteShiftException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a refused or failed migration as liteshift says it (what, where, why, the fix) under Spring Boot's
 * "APPLICATION FAILED TO START" heading, instead of a stack trace of bean creation.
 */
class LiteShiftFailureAnalyzer extends AbstractFailureAnalyzer<LiteShiftStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LiteShiftStartupException cause) {
        LiteShiftException e = cause.liteShiftException();
        String description = "liteshift did not migrate " + cause.database() + " with the migrations at " + cause.location()
                + " (" + e.reason() + "):\n\n" + e.getMessage();
        return new FailureAnalysis(description, action(e.reason()), cause);
    }

    private static String action(LiteShiftException.Reason reason) {
        String settings = "The spring.liteshift.* properties set what liteshift reads (location, url, create-missing,"
                + " out-of-order, lint-before-migrate, ...).";
        return switch (reason) {
            case INVALID_INPUT -> "Fix the setting or file named above, then start the application again. " + settings;
            case REFUSED_HISTORY -> "The migration history cannot be trusted, so nothing was applied. Do what the message"
                    + " says (restore the applied migration from version control, or accept a reviewed edit with `liteshift"
                    + " repair`), then start the application again.";
            case REFUSED_DATA -> "The rows in the database cannot take a pending migration, so nothing was applied. Fix the"
                    + " migration or the rows as the message says (a reviewed finding can be silenced with a"
                    + " `-- liteshift:lint-ignore CODE` comment in the migration), then start the application again.";
            case REFUSED_DESTRUCTIVE -> "The change would destroy data, so nothing was applied. Take a backup and make the"
                    + " loss explicit as the message says, then start the application again.";
            case DAMAGED -> "SQLite reports the database file damaged, so liteshift wrote nothing to it. Restore it as the"
                    + " message says (the newest intact backup, or the sqlite3 shell's .recover), then start the application again.";
            case NOT_MIGRATED -> "The seeds are written for the migrated schema, and migrations are still pending. Let"
                    + " liteshift migrate first (spring.liteshift.enabled), then start the application again.";
            case FAILED -> "The failing migration was rolled back (migrations applied before it in this run stay). Fix what"
                    + " the message names, then start the application again. " + settings;
        };
    }
}
