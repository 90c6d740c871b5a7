package io.liteshift.doctor;

/**
 * One thing {@code doctor} found, written for the person who has to act on it.
 *
 * @param code     stable identifier (e.g. {@code DB_NOT_WRITABLE}); scripts may match on it, the texts may change
 * @param severity how bad it is
 * @param found    what was seen, with the real path and numbers
 * @param cause    why it matters: the error it produces, and when
 * @param fix      what to do about it
 */
public record Finding(String code, Severity severity, String found, String cause, String fix) {

    public enum Severity {
        /** Will fail: a write, a migration or the application's first query. */
        ERROR,
        /** Likely to bite, or worth a look before the next deployment. */
        WARNING,
        /** Advice: settings and versions to know about. */
        INFO
    }

    static Finding error(String code, String found, String cause, String fix) {
        return new Finding(code, Severity.ERROR, found, cause, fix);
    }

    static Finding warning(String code, String found, String cause, String fix) {
        return new Finding(code, Severity.WARNING, found, cause, fix);
    }

    static Finding info(String code, String found, String cause, String fix) {
        return new Finding(code, Severity.INFO, found, cause, fix);
    }
}
