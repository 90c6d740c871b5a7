package io.liteshift.review;

import io.liteshift.schema.Column;

import java.util.List;
import java.util.Set;

/**
 * One column of a table in the diagram.
 *
 * @param formerName its name before, when a rename changed it; else null
 * @param before     the column before, or null when added
 * @param after      the column after, or null when dropped
 * @param keys       its marks ({@code PK}, {@code FK}, {@code UQ}, {@code NN}) in the schema it is shown from
 * @param details    what changed, one phrase each; empty unless {@code state} is CHANGED
 */
record ColumnDiff(String name, String formerName, State state, Column before, Column after, Set<String> keys,
                  List<String> details) {

    ColumnDiff {
        keys = Set.copyOf(keys);
        details = List.copyOf(details);
    }

    /** The column as the diagram shows it: after, or before when dropped. */
    Column shown() {
        return after != null ? after : before;
    }
}
