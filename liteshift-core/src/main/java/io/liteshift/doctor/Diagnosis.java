package io.liteshift.doctor;

/**
 * One diagnosis: a thing {@code doctor} found, written for the person who has to act on it (review's {@code Finding} is a
 * lint finding on a migration's line, a different record).
 *
 * @param code     stable identifier (e.g. {@code DB_NOT_WRITABLE}); scripts may match on it, the texts may change
 * @param severity how bad it is
 * @param found    what was seen, with the real path and numbers
 * @param cause    why it matters: the error it produces, and when
 * @param fix      what to do about it
 */
public record Diagnosis(String code, Severity severity, String found, String cause, String fix) {

    public enum Severity {
        /** Will fail: a write, a migration or the application's first query. */
        ERROR,
        /** Likely to bite, or worth a look before the next deployment. */
        WARNING,
        /** Advice: settings and versions to know about. */
        INFO
    }

    static Diagnosis error(String code, String found, String cause, String fix) {
        return new Diagnosis(code, Severity.ERROR, found, cause, fix);
    }

    static Diagnosis warning(String code, String found, String cause, String fix) {
        return new Diagnosis(code, Severity.WARNING, found, cause, fix);
    }

    static Diagnosis info(String code, String found, String cause, String fix) {
        return new Diagnosis(code, Severity.INFO, found, cause, fix);
    }
}
