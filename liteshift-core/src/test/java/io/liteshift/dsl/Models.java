package io.liteshift.dsl;

import io.liteshift.schema.Column;
import io.liteshift.schema.Index;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;

/**
 * A schema without the texts it was written in (a table's CREATE TABLE, a column's definition, an index's CREATE
 * INDEX): what remains is what two ways of writing the same schema must agree on.
 */
final class Models {
    private Models() {
    }

    static Schema withoutText(Schema s) {
        return new Schema(s.tables().stream().map(Models::table).toList(),
                s.indexes().stream().map(i -> new Index(i.name(), i.table(), i.unique(), i.keys(), i.where(), null)).toList(),
                s.views(), s.triggers(), s.virtualTables());
    }

    private static Table table(Table t) {
        return new Table(t.name(), t.columns().stream().map(c -> new Column(c.name(), c.type(), c.notNull(), c.defaultValue(),
                c.collation(), c.generated(), null)).toList(), t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(),
                t.withoutRowid(), t.strict(), null);
    }
}
