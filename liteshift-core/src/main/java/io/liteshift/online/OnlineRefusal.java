package io.liteshift.online;

import io.liteshift.LiteShiftException;

import java.util.Optional;

/**
 * An online rebuild that will not start, or that stopped because a row cannot take the declared schema. Either way
 * the table is as it was and in use, and everything the rebuild created is removed; the message says what, where,
 * why and what to do.
 */
public final class OnlineRefusal extends LiteShiftException {

    /** Why. */
    public enum Kind {
        /** The database is in rollback-journal mode: readers would wait for every chunk. */
        NOT_WAL,
        /** The table (or its declared form) is WITHOUT ROWID: nothing orders and identifies its rows for copying. */
        WITHOUT_ROWID,
        /** The change renames the table: rename it first (a quick native rename), then rebuild online. */
        RENAMED,
        /** Another online rebuild of the database is under way in a live process. */
        BUSY,
        /** A row (copied, or written by the application meanwhile) breaks a constraint of the declared schema. */
        VIOLATION,
        /** Another connection kept the write lock longer than the lock timeout, so the rebuild could not go on. */
        LOCK_STARVED
    }

    private final Kind kind;
    private final String table;
    private final Long rowid;
    private final String constraint;

    OnlineRefusal(Kind kind, String table, Long rowid, String constraint, String message, Throwable cause) {
        super(kind == Kind.VIOLATION ? Reason.REFUSED_DATA : kind == Kind.LOCK_STARVED || kind == Kind.BUSY ? Reason.FAILED
                : Reason.INVALID_INPUT, message, cause);
        this.kind = kind;
        this.table = table;
        this.rowid = rowid;
        this.constraint = constraint;
    }

    public Kind kind() {
        return kind;
    }

    public String table() {
        return table;
    }

    /** The rowid of the row that broke the declared schema ({@link Kind#VIOLATION}). */
    public Optional<Long> rowid() {
        return Optional.ofNullable(rowid);
    }

    /** The constraint it broke, as SQLite names it ("UNIQUE constraint failed: users.email"). */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }
}
