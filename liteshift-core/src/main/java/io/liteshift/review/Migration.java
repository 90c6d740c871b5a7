package io.liteshift.review;

import java.util.List;
import java.util.Objects;

/**
 * One migration as the reviewer sees it.
 *
 * @param fileName  the file's name, e.g. {@code 0002_add_email.sql}
 * @param sql       the file's text, as it will run
 * @param steps     what its statements do, in file order; lines the steps do not cover are shown without one
 * @param findings  lint's findings about it; each is shown at its line
 * @param rehearsal what a rehearsal on a copy of the database measured, or null when none ran
 */
public record Migration(String fileName, String sql, List<Step> steps, List<Finding> findings, Rehearsal rehearsal) {

    public Migration {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sql, "sql");
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
        int lines = SqlLines.of(sql).size();
        for (Step s : steps) {
            if (s.lastLine() > lines) {
                throw new IllegalArgumentException("step \"" + s.description() + "\" of " + fileName + " ends at line "
                        + s.lastLine() + ", but the file has " + lines + " lines. Give the steps' lines in this file's text;"
                        + " nothing was rendered.");
            }
        }
        for (Finding f : findings) {
            if (f.line() > lines) {
                throw new IllegalArgumentException("finding [" + f.code() + "] of " + fileName + " is at line " + f.line()
                        + ", but the file has " + lines + " lines. Give the findings' lines in this file's text;"
                        + " nothing was rendered.");
            }
        }
    }
}
