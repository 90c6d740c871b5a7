package io.liteshift.plan;

import io.liteshift.diff.Diff;
import io.liteshift.diff.Differ;
import io.liteshift.hints.RenameHints;
import io.liteshift.hints.RenameRecords;
import io.liteshift.schema.Schema;

import java.util.Locale;

/**
 * The one way from two schemas to the plan between them, for every command that plans ({@code push}, {@code generate},
 * {@code revert}, {@code diff}): compare them once, refuse rename hints that cannot be used, plan the changes for the
 * bundled SQLite, and record the swaps the plan makes in the database's rename records, so that the same hints pushed
 * again change nothing. The hints come in as the database has not been through them yet (its records read already).
 */
public final class Pipeline {

    /** Where the rename hints come from, which decides what a hint that cannot be used means. */
    public enum Hints {
        /** Written by the user (schema comments, a schema class): a hint that cannot be used is refused. */
        DECLARED,
        /**
         * Read from the migrations' history, going back over them ({@code revert}): a hint that cannot be used names
         * something a later migration took away, and is passed over.
         */
        HISTORY
    }

    /** Swaps go into {@link RenameRecords}, which the next plan reads. */
    private static final SwapLog RENAME_RECORDS = swaps -> RenameRecords.recording(swaps.stream()
            .map(s -> RenameRecords.row(s.kind().name().toLowerCase(Locale.ROOT), s.table(), s.from(), s.to())).toList());

    private Pipeline() {
    }

    /** The plan from {@code from} to {@code to} with hints the user declared; refuses (invalid input) an unusable one. */
    public static Plan plan(Schema from, Schema to, RenameHints hints) {
        return plan(from, to, hints, Hints.DECLARED);
    }

    public static Plan plan(Schema from, Schema to, RenameHints hints, Hints source) {
        Diff diff = Differ.compare(from, to, hints);
        if (source == Hints.DECLARED) diff.requireUsableHints();
        return Planner.plan(from, to, diff.changes(), Capabilities.ofBundledSqlite(), RENAME_RECORDS);
    }
}
