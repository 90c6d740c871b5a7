package io.liteshift.schema;

import io.liteshift.sql.Identifiers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A CREATE INDEX (not the automatic index behind a UNIQUE or PRIMARY KEY constraint).
 *
 * @param where the partial index's WHERE expression, or null
 * @param sql   the CREATE INDEX statement as stored by SQLite
 */
public record Index(String name, String table, boolean unique, List<IndexedColumn> keys, String where, String sql) {

    public Index {
        keys = List.copyOf(keys);
    }

    @Override
    public String toString() {
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + Identifiers.quote(name) + " ON "
                + Identifiers.quote(table) + " (" + keys.stream().map(IndexedColumn::toString).collect(Collectors.joining(", "))
                + ")" + (where == null ? "" : " WHERE " + where);
    }
}
