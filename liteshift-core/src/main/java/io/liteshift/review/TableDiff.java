package io.liteshift.review;

import io.liteshift.schema.Table;

import java.util.List;

/**
 * One table of the union of both schemas, with what changed in it.
 *
 * @param name       its name after, or before when dropped
 * @param formerName its name before, when a rename changed it; else null
 * @param before     the table before, or null when added
 * @param after      the table after, or null when dropped
 * @param columns    after's columns in order, with the dropped ones where they stood
 * @param edges      its foreign keys, as edges to their parents
 * @param indexes    its indexes that were added, dropped or changed
 * @param details    the table-level changes, one phrase each (a rename, the primary key, STRICT, a CHECK)
 * @param rebuilds   why the migrations rebuild it, one reason per rebuild; empty when they do not
 */
record TableDiff(String name, String formerName, State state, Table before, Table after, List<ColumnDiff> columns,
                 List<EdgeDiff> edges, List<ObjectDiff> indexes, List<String> details, List<String> rebuilds) {

    TableDiff {
        columns = List.copyOf(columns);
        edges = List.copyOf(edges);
        indexes = List.copyOf(indexes);
        details = List.copyOf(details);
        rebuilds = List.copyOf(rebuilds);
    }

    /** The table as the diagram shows it: after, or before when dropped. */
    Table shown() {
        return after != null ? after : before;
    }
}
