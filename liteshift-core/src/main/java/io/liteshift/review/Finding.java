package io.liteshift.review;

import java.util.Locale;
import java.util.Objects;

/**
 * One lint finding about a migration.
 *
 * @param code         the lint code, e.g. {@code not-null}
 * @param severity     ERROR: migrate refuses until it is fixed; WARNING: it goes ahead; INFO: worth knowing
 * @param line         the 1-based line it refers to, 0 when it is about the whole file
 * @param subject      the table or table.column concerned ("" for none)
 * @param message      what happens, with the real numbers when rows were read
 * @param fix          what to do about it ("" for none)
 * @param counts       what was measured on the database ({@link Counts#NONE} without one)
 * @param destroysData true when applying destroys rows or values (a dropped table or column that holds data, a
 *                     DELETE without WHERE): this makes the verdict {@link Verdict.Level#DESTRUCTIVE}
 */
public record Finding(String code, Severity severity, int line, String subject, String message, String fix,
                      Counts counts, boolean destroysData) {

    public enum Severity {
        ERROR, WARNING, INFO;

        /** "error", as lint prints it. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(counts, "counts");
        if (line < 0) {
            throw new IllegalArgumentException("finding [" + code + "] has line " + line
                    + ": give its 1-based line, or 0 for the whole file. Nothing was rendered.");
        }
    }
}
