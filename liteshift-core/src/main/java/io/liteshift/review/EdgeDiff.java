package io.liteshift.review;

import java.util.List;

/**
 * One foreign key as an edge of the diagram, from the child table to the parent it references. Names are those
 * the diagram shows: a table's name after, or before for a dropped one.
 *
 * @param parentColumns the parent's columns referenced (its primary key when the foreign key names none)
 * @param details       what changed, one phrase each; empty unless {@code state} is CHANGED
 */
record EdgeDiff(String child, List<String> columns, String parent, List<String> parentColumns, State state,
                List<String> details) {

    EdgeDiff {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
        details = List.copyOf(details);
    }

    /** {@code orders(customer_id) -> customers(id)}, for titles and the changes table. */
    String describe() {
        return child + "(" + String.join(", ", columns) + ") -> " + parent
                + (parentColumns.isEmpty() ? "" : "(" + String.join(", ", parentColumns) + ")");
    }
}
