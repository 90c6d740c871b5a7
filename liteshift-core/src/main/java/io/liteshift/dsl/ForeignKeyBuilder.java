package io.liteshift.dsl;

import java.util.List;
import java.util.Objects;

/**
 * A FOREIGN KEY table constraint:
 * {@code t.foreignKey("order_id", "line").references("order_lines", "order_id", "line").onDelete(CASCADE)}.
 */
public final class ForeignKeyBuilder {
    final List<String> columns;
    final String line = Where.caller();
    String table;
    List<String> refColumns = List.of();
    Action onDelete = Action.NO_ACTION;
    Action onUpdate = Action.NO_ACTION;
    boolean deferred;
    String name;

    ForeignKeyBuilder(List<String> columns) {
        this.columns = columns;
    }

    /** The parent table and its columns; without columns, its primary key. */
    public ForeignKeyBuilder references(String parentTable, String... parentColumns) {
        table = Names.require(parentTable, "referenced table");
        refColumns = List.of(parentColumns);
        refColumns.forEach(c -> Names.require(c, "referenced column"));
        return this;
    }

    public ForeignKeyBuilder onDelete(Action action) {
        onDelete = Objects.requireNonNull(action, "action");
        return this;
    }

    public ForeignKeyBuilder onUpdate(Action action) {
        onUpdate = Objects.requireNonNull(action, "action");
        return this;
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit, not at each statement. */
    public ForeignKeyBuilder deferred() {
        deferred = true;
        return this;
    }

    /** {@code CONSTRAINT name}. */
    public ForeignKeyBuilder named(String constraintName) {
        name = Names.require(constraintName, "constraint name");
        return this;
    }
}
