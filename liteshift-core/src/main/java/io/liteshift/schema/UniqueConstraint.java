package io.liteshift.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A UNIQUE constraint that is part of a table's definition (not a CREATE UNIQUE INDEX). */
public record UniqueConstraint(String name, List<IndexedColumn> columns) {

    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexedColumn::expression).toList();
    }

    @Override
    public String toString() {
        return Constraints.named(name) + "UNIQUE ("
                + columns.stream().map(IndexedColumn::toString).collect(Collectors.joining(", ")) + ")";
    }
}
