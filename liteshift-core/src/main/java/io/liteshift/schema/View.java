package io.liteshift.schema;

/** A view; its definition is kept as SQLite stores it. */
public record View(String name, String sql) {
    @Override
    public String toString() {
        return sql;
    }
}
