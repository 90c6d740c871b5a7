package io.liteshift.schema;

/**
 * A virtual table (FTS5, R-Tree, ...). liteshift keeps it opaque: it is created or dropped as declared, never
 * rebuilt, and its shadow tables are never compared.
 */
public record VirtualTable(String name, String sql) {
    @Override
    public String toString() {
        return sql;
    }
}
