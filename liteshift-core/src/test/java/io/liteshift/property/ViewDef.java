package io.liteshift.property;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE VIEW name AS SELECT columns FROM table WHERE columns[0] IS NOT NULL}, optionally
 * {@code UNION ALL SELECT unionColumn, ... FROM unionTable}, so a view can depend on two tables at once.
 *
 * @param unionTable -1 for a single-table view
 */
record ViewDef(String name, int table, List<Integer> columns, int unionTable, int unionColumn) {

    /** (table id, column id) pairs the view reads. */
    List<int[]> sources() {
        List<int[]> out = new ArrayList<>();
        columns.forEach(c -> out.add(new int[] {table, c}));
        if (unionTable >= 0) out.add(new int[] {unionTable, unionColumn});
        return out;
    }
}
