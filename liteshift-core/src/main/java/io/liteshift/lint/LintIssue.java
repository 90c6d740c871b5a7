package io.liteshift.lint;

import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Statement;

import java.util.Locale;
import java.util.Objects;

/**
 * One finding about one step of a change: of {@code lint} in a migration, or of push's data check in a plan.
 *
 * @param lintCode what kind of finding it is ({@link #code()} is its stable string)
 * @param severity ERROR makes {@code lint} exit 6, {@code migrate} refuse (unless forced) and {@code push} refuse
 * @param location where in a migration; {@link Location#NONE} for a plan alone
 * @param subject  the table or table.column concerned ("" for a statement rule)
 * @param message  what happens, with the real numbers when a database was read
 * @param fix      what to do about it ("" when nothing needs doing)
 * @param measured the numbers of the message, measured on the rows ({@link Measurement#NONE} without a database)
 */
public record LintIssue(LintCode lintCode, Severity severity, Location location, String subject, String message, String fix,
                        Measurement measured) {

    public LintIssue {
        Objects.requireNonNull(measured, "measured");
    }

    /** A finding that measured nothing. */
    public LintIssue(LintCode lintCode, Severity severity, Location location, String subject, String message, String fix) {
        this(lintCode, severity, location, subject, message, fix, Measurement.NONE);
    }

    /**
     * Where a finding is in a migration.
     *
     * @param file      the migration's file name
     * @param line      the 1-based line of the statement concerned, 0 when no single statement is
     * @param statement that statement's SQL, "" when there is none
     */
    public record Location(String file, int line, String statement) {
        public static final Location NONE = new Location("", 0, "");

        static Location of(String file, Statement s) {
            return new Location(file, s.line(), s.sql());
        }
    }

    /** A finding about a plan, placed in a migration later (if ever). */
    static LintIssue of(LintCode code, Severity severity, String subject, String message, String fix) {
        return new LintIssue(code, severity, Location.NONE, subject, message, fix);
    }

    /** The same, with what was measured on the rows. */
    static LintIssue of(LintCode code, Severity severity, String subject, String message, String fix, Measurement measured) {
        return new LintIssue(code, severity, Location.NONE, subject, message, fix, measured);
    }

    /** The stable string of its code: {@code not-null}; what {@code -- liteshift:lint-ignore CODE} names. */
    public String code() {
        return lintCode.code();
    }

    public String file() {
        return location.file();
    }

    public int line() {
        return location.line();
    }

    /** The table of its subject ({@code table} or {@code table.column}), folded. */
    String subjectTable() {
        int dot = subject.indexOf('.');
        return Identifiers.fold(dot >= 0 ? subject.substring(0, dot) : subject);
    }

    LintIssue at(Location where) {
        return new LintIssue(lintCode, severity, where, subject, message, fix, measured);
    }

    /** The message and then the fix, as one text: how push lists a finding. */
    public String messageAndFix() {
        return message + (fix.isEmpty() ? "" : " " + fix);
    }

    /** {@code 0003_x.sql:12: warning [drop-column] message Fix: fix} */
    @Override
    public String toString() {
        return place() + asHeaderNote();
    }

    /** One line as migrate prints a warning it went ahead with: {@code 0003_x.sql:2: [drop-column] message Fix: fix}. */
    String asWarning() {
        return place() + "[" + code() + "] " + message + withFix();
    }

    /** As a generated migration's header lists it: {@code warning [rolling-rename] message Fix: fix}. */
    String asHeaderNote() {
        return severity.name().toLowerCase(Locale.ROOT) + " [" + code() + "] " + message + withFix();
    }

    private String place() {
        return location.file() + (location.line() > 0 ? ":" + location.line() : "") + ": ";
    }

    private String withFix() {
        return fix.isEmpty() ? "" : " Fix: " + fix;
    }
}
