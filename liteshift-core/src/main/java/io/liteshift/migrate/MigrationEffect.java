package io.liteshift.migrate;

import io.liteshift.diff.Change;
import io.liteshift.schema.Schema;

import java.util.List;
import java.util.Optional;

/**
 * What one migration does to the schema, found by running it on a replay of the migrations before it.
 *
 * @param before  the schema the migrations before it produce
 * @param after   the schema after it (equal to {@code before} when it failed)
 * @param changes the differences, with the renames its header or its ALTER TABLE ... RENAME statements make
 * @param failure why it does not run on the replay (file:line and SQLite's message), when it does not
 */
public record MigrationEffect(Migration migration, Schema before, Schema after, List<Change> changes, Optional<String> failure) {

    public MigrationEffect {
        changes = List.copyOf(changes);
    }
}
