package io.liteshift.dsl;

import io.liteshift.LiteShiftException;
import io.liteshift.schema.IndexedColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * A CREATE INDEX on the table it is declared in:
 * {@code t.index("orders_recent").on("customer_id").column("created_at").desc().where("deleted_at IS NULL")}.
 * {@link #desc()} and {@link #collate} apply to the key declared just before them.
 */
public final class IndexBuilder {
    final String name;
    final String line = Where.caller();
    final List<IndexedColumn> keys = new ArrayList<>();
    boolean unique;
    String partial;

    IndexBuilder(String name, boolean unique) {
        this.name = name;
        this.unique = unique;
    }

    /** Columns in ascending order. */
    public IndexBuilder on(String... columns) {
        for (String c : Names.requireAll(columns, "indexed column")) keys.add(IndexedColumn.column(c));
        return this;
    }

    /** One column; follow with {@link #desc()} or {@link #collate} to qualify it. */
    public IndexBuilder column(String column) {
        keys.add(IndexedColumn.column(Names.require(column, "indexed column")));
        return this;
    }

    /** An expression key, e.g. {@code "lower(email)"}. */
    public IndexBuilder expression(String sql) {
        keys.add(new IndexedColumn(Names.requireSql(sql, "index expression of " + name), false, null, false));
        return this;
    }

    /** The last key in descending order. */
    public IndexBuilder desc() {
        IndexedColumn k = last("desc()");
        keys.set(keys.size() - 1, new IndexedColumn(k.expression(), k.isColumn(), k.collation(), true));
        return this;
    }

    /** The last key compared with {@code collationName} (BINARY, NOCASE, RTRIM or one the application registers). */
    public IndexBuilder collate(String collationName) {
        IndexedColumn k = last("collate(...)");
        keys.set(keys.size() - 1, new IndexedColumn(k.expression(), k.isColumn(), Names.require(collationName, "collation"), k.descending()));
        return this;
    }

    public IndexBuilder unique() {
        unique = true;
        return this;
    }

    /** A partial index: only rows where {@code expression} holds. */
    public IndexBuilder where(String expression) {
        partial = Names.requireSql(expression, "WHERE of index " + name);
        return this;
    }

    private IndexedColumn last(String method) {
        if (keys.isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "index " + name + ": " + method + " before any key"
                    + Where.at(Where.caller()) + ". Declare the key first: .column(\"name\")." + method);
        }
        return keys.get(keys.size() - 1);
    }
}
