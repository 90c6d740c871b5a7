package io.liteshift.review;

import java.util.List;
import java.util.Objects;

/**
 * A run of lines of a migration that does one thing.
 *
 * @param firstLine   its first line, 1-based
 * @param lastLine    its last line, inclusive
 * @param description what it does, in one sentence ("rebuild customers: email becomes NOT NULL")
 * @param rebuilds    the tables it rebuilds (copies every row of), and why; empty for most steps
 */
public record Step(int firstLine, int lastLine, String description, List<Rebuild> rebuilds) {

    /** A table copied row by row into a new definition, because SQLite's ALTER TABLE cannot make the change. */
    public record Rebuild(String table, String reason) {
        public Rebuild {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Step {
        Objects.requireNonNull(description, "description");
        rebuilds = List.copyOf(rebuilds);
        if (firstLine < 1 || lastLine < firstLine) {
            throw new IllegalArgumentException("step \"" + description + "\" has lines " + firstLine + "-" + lastLine
                    + ": a step covers lines first to last, counted from 1. Nothing was rendered.");
        }
    }

    boolean covers(int line) {
        return line >= firstLine && line <= lastLine;
    }
}
