package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.SchemaVersion;

import java.util.List;
import java.util.Optional;

/**
 * {@code meta/NNNN.schema.sql}: the canonical schema after migration NNNN. Reviewed in pull requests like code,
 * and compared with live databases to find drift, without replaying the history.
 */
final class Snapshots {
    private static final String MARK = "-- from: ";

    private Snapshots() {
    }

    static String render(Migration m, Schema schema) {
        return "-- liteshift snapshot: the schema after " + m.fileName() + ". Written by `liteshift generate` and `liteshift hash`;\n"
                + "-- compared with live databases to find drift. Do not edit: change the migrations instead.\n"
                + MARK + m.fileName() + " sha256:" + m.checksum() + "\n\n" + schema + (schema.isEmpty() ? "" : "\n");
    }

    /** The schema a snapshot states; {@code name} ({@code migrations/meta/0003.schema.sql}) names it in messages. */
    static Schema schemaOf(String name, String snapshot) {
        return DeclaredSchema.ofSnapshot(name, snapshot);
    }

    /**
     * How {@code live} differs from the snapshot of {@code version}, other tools' tables left aside; empty when there
     * is no snapshot to compare.
     */
    static List<Problem> drift(MigrationDirectory dir, int version, Schema live) {
        Optional<String> snapshot = dir.snapshot(version);
        if (version == 0 || snapshot.isEmpty()) return List.of();
        List<Change> changes = Differ.diff(schemaOf(dir.snapshotName(version), snapshot.get()), live);
        return changes.stream().map(c -> new Problem(Problem.Kind.DRIFT, "drift: the database differs from "
                + dir.snapshotName(version) + " (the schema after "
                + SchemaVersion.label(version) + "): " + c.describe() + ". Someone changed the schema outside the migrations; put"
                + " the change in a migration (`" + Fix.command(Fix.Command.GENERATE) + "`), or undo it.")).toList();
    }
}
