package io.liteshift;

import io.liteshift.schema.Schema;

import java.util.List;

/**
 * The declared schema of a live database, as {@code liteshift pull} writes it.
 *
 * @param sql     canonical DDL in dependency order: a schema file that {@code push} and {@code generate} read as the truth
 * @param schema  what was read
 * @param leftOut other tools' bookkeeping tables found in the database and left out (they stay there, ignored)
 */
public record PulledSchema(String sql, Schema schema, List<String> leftOut) {
    public PulledSchema {
        leftOut = List.copyOf(leftOut);
    }
}
