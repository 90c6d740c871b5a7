package io.liteshift.migrate;

import io.liteshift.Fix;

/**
 * Something wrong with the migration history, named for a person: what, where, and what to do.
 *
 * @param kind    what sort of problem; decides whether {@code migrate} refuses
 * @param message the file or version concerned, the cause and the fix; the commands and settings it names are
 *                {@link io.liteshift.Fix} references, which {@link #message()} renders for the Java API
 */
public record Problem(Kind kind, String message) {

    public enum Kind {
        /** A {@code .sql} file in the directory that is not named {@code NNNN_slug.sql}. */
        BAD_NAME,
        /** Two files with one version number: typically two branches that both added it. */
        DUPLICATE_VERSION,
        /** The integrity file does not match the directory: an edited, removed or unlisted migration. */
        INTEGRITY,
        /** An applied migration's file changed since it was applied. */
        CHECKSUM,
        /** An applied migration whose file is gone from the directory. */
        MISSING,
        /** A pending migration older than the newest applied one. */
        OUT_OF_ORDER,
        /** A migration not yet applied (a problem for {@code verify}, the normal state before {@code migrate}). */
        PENDING,
        /** The database has applied migrations newer than any file here. */
        AHEAD,
        /** The live schema differs from the schema the applied migrations produce. */
        DRIFT,
        /** {@code foreign_key_check} found orphans. */
        DATABASE,
        /** The file is damaged: {@code integrity_check} found damaged pages, or SQLite could not read it. */
        DAMAGED
    }

    /** The message for the Java API; {@link #message(io.liteshift.Fix.FrontEnd)} for another front end. */
    @Override
    public String message() {
        return message(Fix.FrontEnd.JAVA);
    }

    /** The message as {@code frontEnd} prints it. */
    public String message(Fix.FrontEnd frontEnd) {
        return Fix.render(message, frontEnd);
    }

    /** The message with its {@link io.liteshift.Fix} references not yet rendered, for building a longer message. */
    public String text() {
        return message;
    }

    /** Problems that make {@code migrate} refuse: it would build on a history it cannot trust. */
    public boolean blocksMigrate() {
        return kind != Kind.DRIFT && kind != Kind.DATABASE && kind != Kind.DAMAGED && kind != Kind.PENDING && kind != Kind.AHEAD;
    }

    @Override
    public String toString() {
        return message();
    }
}
