package io.liteshift.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A table's PRIMARY KEY, declared on a column or as a table constraint. */
public record PrimaryKey(String name, List<IndexedColumn> columns, boolean autoincrement) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexedColumn::expression).toList();
    }

    @Override
    public String toString() {
        return Constraints.named(name) + "PRIMARY KEY ("
                + columns.stream().map(IndexedColumn::toString).collect(Collectors.joining(", ")) + ")"
                + (autoincrement ? " AUTOINCREMENT" : "");
    }
}
