package io.liteshift.plan;

import io.liteshift.schema.Column;
import io.liteshift.schema.Table;

import java.util.List;
import java.util.Map;

/**
 * How the rows of a table that exists on both sides become rows of the declared table: for each declared
 * stored column, the SQL expression over the current table that gives its value. Safety checks use this to
 * test the declared constraints against the rows that are there before anything is written.
 *
 * @param values    folded declared column name -> expression over {@code from} (absent: the column's DEFAULT)
 * @param rebuilt   true when the table is rebuilt (new table, copy, drop, rename)
 * @param reasons   why it is rebuilt
 * @param backfills declared columns whose NULLs are replaced by their DEFAULT
 */
public record TableMapping(Table from, Table to, Map<String, String> values, boolean rebuilt, List<String> reasons,
                           List<Column> backfills) {
    public TableMapping {
        values = Map.copyOf(values);
        reasons = List.copyOf(reasons);
        backfills = List.copyOf(backfills);
    }
}
