package io.liteshift.property;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated index.
 *
 * @param parts        indexed columns by id
 * @param partialOn    a column id for {@code WHERE col IS NOT NULL}, or -1 for a full index
 */
record IndexDef(String name, int table, boolean unique, List<Part> parts, int partialOn) {

    /** {@code lower(col)} when {@code expression}, else the column, optionally DESC. */
    record Part(int column, boolean descending, boolean expression) {
    }

    List<Integer> columnIds() {
        List<Integer> ids = new ArrayList<>(parts.stream().map(Part::column).toList());
        if (partialOn >= 0) ids.add(partialOn);
        return ids;
    }
}
