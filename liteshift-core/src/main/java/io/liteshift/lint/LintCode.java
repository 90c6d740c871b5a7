package io.liteshift.lint;


import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every code lint and push's data check report, with what a reader of a finding (or a SARIF or GitHub report) needs
 * to know about it. Its string is stable: it is what {@code -- liteshift:lint-ignore CODE} names, and the README's
 * table of codes is {@link #markdownTable()}.
 */
public enum LintCode {
    DROP_TABLE("drop-table", Family.DESTRUCTIVE, Severity.WARNING, "warning (info when it holds no data)",
            "destroys a table and its rows; with a database, how many rows"),
    DROP_COLUMN("drop-column", Family.DESTRUCTIVE, Severity.WARNING, "warning (info when it holds no data)",
            "destroys a column and its values; with a database, how many values"),
    ROLLING_DROP("rolling-drop", Family.ROLLING_DEPLOY, Severity.WARNING, "warning",
            "the previous app version, still running during a rolling deploy (or a replica that got the schema first),"
                    + " reads the dropped table or column. Fix: expand/contract"),
    ROLLING_RENAME("rolling-rename", Family.ROLLING_DEPLOY, Severity.WARNING, "warning",
            "the previous app version, still running during a rolling deploy, reads the old name. Fix: expand/contract"),
    NOT_NULL("not-null", Family.DATA_DEPENDENT, Severity.ERROR, Constants.COUNTED,
            "a column becomes `NOT NULL`, or a new one is `NOT NULL` without a `DEFAULT`, over rows that hold NULL"),
    UNIQUE("unique", Family.DATA_DEPENDENT, Severity.ERROR, Constants.COUNTED,
            "a new `UNIQUE` or unique index, or one whose columns' values change, over rows that share a value: the 3 most"
                    + " duplicated values with their counts and keys"),
    PRIMARY_KEY("primary-key", Family.DATA_DEPENDENT, Severity.ERROR, Constants.COUNTED,
            "a new `PRIMARY KEY`, or one whose columns' values change, over rows that share a key"),
    CHECK("check", Family.DATA_DEPENDENT, Severity.ERROR, Constants.COUNTED,
            "a `CHECK` over existing rows; one that raises an error on a row (`json_extract` over text that is not JSON)"
                    + " counts as broken there, with SQLite's message"),
    FOREIGN_KEY("foreign-key", Family.DATA_DEPENDENT, Severity.ERROR, Constants.COUNTED,
            "a new `FOREIGN KEY` over rows that reference no row of the parent"),
    STRICT_TYPE("strict-type", Family.DATA_DEPENDENT, Severity.ERROR, Constants.COUNTED,
            "a column of a `STRICT` table changes type over values the new type cannot store"),
    TYPE_CONVERSION("type-conversion", Family.DATA_DEPENDENT, Severity.ERROR,
            "warning without a database; with one, error when a value would change",
            "a rebuilt column whose type (or STRICT) changes so that the copy would store a value differently: `'007'` as 7,"
                    + " `'1e3'` as 1000, `'1'` as 1.0 under REAL, `'000123'` in an ANY column of a table that stops being STRICT."
                    + " A value that reads back the same (`'12'` as 12) is what the change asks for"),
    GENERATED("generated", Family.DATA_DEPENDENT, Severity.ERROR, "error (with a database)",
            "a STORED generated column raises an error on existing rows (the copy would stop there)"),
    INDEX("index", Family.DATA_DEPENDENT, Severity.ERROR, "error (with a database)",
            "an index's expression or WHERE raises an error on existing rows (`CREATE INDEX`, or the copy, would stop there)"),
    BACKFILL("backfill", Family.DATA_DEPENDENT, Severity.INFO, "info",
            "NULLs filled with the column's `DEFAULT` (counted with a database)"),
    REBUILD("rebuild", Family.COST, Severity.WARNING, "info; warning when the lock is estimated at 1 s or more (then it"
            + " recommends `--online`); info for a migration whose rebuilds run online",
            "a table rebuild: rows, bytes (SQLite's `dbstat`), estimated lock time (at 33 MB/s, measured) and the free disk"
                    + " space it needs (twice the table)"),
    DISK_SPACE("disk-space", Family.COST, Severity.ERROR, "error",
            "a migration's rebuilds (one transaction) need more free disk space than the volume of the database has: twice"
                    + " the rebuilt tables with their indexes, for the copy and the journal or WAL; `migrate` refuses (exit 4)"
                    + " unless `--force`"),
    INDEX_BIG_TABLE("index-big-table", Family.COST, Severity.INFO, "info",
            "`CREATE INDEX` without `IF NOT EXISTS` on a table of 100,000 rows or more"),
    FK_PRAGMA_IN_TRANSACTION("fk-pragma-in-transaction", Family.UNSAFE_SQL, Severity.WARNING, "warning",
            "`PRAGMA foreign_keys` between `BEGIN` and `COMMIT`, where SQLite ignores it"),
    UPDATE_WITHOUT_WHERE("update-without-where", Family.UNSAFE_SQL, Severity.WARNING, "warning",
            "`UPDATE` without `WHERE`: changes every row"),
    DELETE_WITHOUT_WHERE("delete-without-where", Family.UNSAFE_SQL, Severity.WARNING, "warning",
            "`DELETE` without `WHERE`: deletes every row"),
    VACUUM("vacuum", Family.UNSAFE_SQL, Severity.ERROR, "error",
            "`VACUUM`: cannot run in a migration"),
    NOT_IN_TRANSACTION("not-in-transaction", Family.UNSAFE_SQL, Severity.ERROR, "error",
            "`ROLLBACK`, `ATTACH`, `DETACH`, `PRAGMA journal_mode`: cannot run inside a migration's transaction"),
    DOES_NOT_RUN("does-not-run", Family.REPLAY, Severity.ERROR, "error",
            "the migration fails on the replay of the ones before it");

    /** What a code is about; a rule reports codes of one family. */
    public enum Family {
        /** Data is lost: push refuses it without {@code --yes}. */
        DESTRUCTIVE,
        /** Breaks the application version that still runs while the new one deploys. */
        ROLLING_DEPLOY,
        /** The rows decide: without a database what MAY fail, with one the exact count (or nothing). */
        DATA_DEPENDENT,
        /** What running it costs: lock time, disk space. */
        COST,
        /** SQL that is unsafe in a migration whatever the schema says. */
        UNSAFE_SQL,
        /** The migration does not run at all. */
        REPLAY
    }

    private final String code;
    private final Family family;
    private final Severity highest;
    private final String severities;
    private final String help;

    LintCode(String code, Family family, Severity highest, String severities, String help) {
        this.code = code;
        this.family = family;
        this.highest = highest;
        this.severities = severities;
        this.help = help;
    }

    /** The stable string: {@code not-null}. */
    public String code() {
        return code;
    }

    public Family family() {
        return family;
    }

    /** The most severe a finding of this code is reported (a SARIF rule's default level). */
    public Severity highestSeverity() {
        return highest;
    }

    /** When it is reported with which severity, as the README's table says it. */
    public String severities() {
        return severities;
    }

    /** What the code means, one Markdown sentence without a final period (the README's table, a SARIF rule's help). */
    public String help() {
        return help;
    }

    /** Whether the rows decide it: without a database it says what MAY happen. */
    public boolean dataDependent() {
        return family == Family.DATA_DEPENDENT;
    }

    public boolean destroysData() {
        return family == Family.DESTRUCTIVE;
    }

    /** The code whose string is {@code code}, as a {@code -- liteshift:lint-ignore} line names it. */
    public static Optional<LintCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** The README's table of codes: one row per code, in this order. */
    public static String markdownTable() {
        return "| code | severity | what |\n| --- | --- | --- |\n" + Arrays.stream(values())
                .map(c -> "| `" + c.code + "` | " + c.severities + " | " + c.help + " |\n").collect(Collectors.joining());
    }

    /** Texts several codes share; an enum's constants cannot read its own static fields. */
    private static final class Constants {
        static final String COUNTED = "warning without a database; with one, error when rows break it (count and sample keys),"
                + " nothing when none do";
    }
}
