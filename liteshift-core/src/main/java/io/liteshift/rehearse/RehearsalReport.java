package io.liteshift.rehearse;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.Problem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a rehearsal found.
 *
 * @param database   the original database, as named in messages (never written)
 * @param copy       where the copy is, when it was kept; null when it was deleted
 * @param sizeBefore the database's size before migrating (page_count × page_size of the copy), in bytes
 * @param sizeAfter  its size after the last migration that ran
 * @param steps      each migration applied to the copy, in order
 * @param failure    the refusal or failure that stopped the rehearsal, or null
 * @param problems   what {@code verify} found on the copy afterwards (not run after a failure)
 */
public record RehearsalReport(String database, Path copy, long sizeBefore, long sizeAfter, List<Step> steps,
                              Failure failure, List<Problem> problems) {

    public RehearsalReport {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /**
     * One migration on the copy.
     *
     * @param rowsChanged rows inserted, updated or deleted by its statements and their triggers
     */
    public record Step(String label, String name, Duration took, long rowsChanged, long sizeBefore, long sizeAfter) {
    }

    /**
     * @param migration the migration that failed ({@code 0003_x.sql}), or null when the run was refused before any
     * @param message   liteshift's message: file:line, the statement, SQLite's message and the fix (with its
     *                  {@link io.liteshift.Fix} references, which {@link #message()} renders for the Java API)
     */
    public record Failure(String migration, LiteShiftException.Reason reason, String message) {
        /** The message for the Java API. */
        @Override
        public String message() {
            return message(Fix.FrontEnd.JAVA);
        }

        /** The message as {@code frontEnd} prints it. */
        public String message(Fix.FrontEnd frontEnd) {
            return Fix.render(message, frontEnd);
        }
    }

    /** Every pending migration applied and the copy verified. */
    public boolean ok() {
        return failure == null && problems.isEmpty();
    }
}
