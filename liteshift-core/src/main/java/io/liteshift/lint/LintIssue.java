package io.liteshift.lint;

/**
 * One finding of {@code lint} about one step of a migration.
 *
 * @param code     stable identifier (see README, "Lint codes"); what {@code -- liteshift:lint-ignore CODE} names
 * @param severity ERROR makes {@code lint} exit 6 and {@code migrate} refuse (unless forced)
 * @param file     the migration's file name
 * @param line     the 1-based line of the statement concerned, 0 when no single statement is
 * @param subject  the table or table.column concerned ("" for a statement rule)
 * @param message  what happens, with the real numbers when a database was read
 * @param fix      what to do about it
 */
public record LintIssue(String code, Severity severity, String file, int line, String subject, String message, String fix) {

    public enum Severity { ERROR, WARNING, INFO }

    /** {@code 0003_x.sql:12: warning [drop-column] message Fix: fix} */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + code + "] "
                + message + (fix.isEmpty() ? "" : " Fix: " + fix);
    }
}
