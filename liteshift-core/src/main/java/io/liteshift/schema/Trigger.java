package io.liteshift.schema;

/** A trigger on {@code table}; its definition is kept as SQLite stores it. */
public record Trigger(String name, String table, String sql) {
    @Override
    public String toString() {
        return sql;
    }
}
