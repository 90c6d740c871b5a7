package io.liteshift.dsl;

import java.util.List;

/** A table's PRIMARY KEY, UNIQUE or CHECK constraint; {@link #named} gives it a CONSTRAINT name. */
public final class ConstraintBuilder {
    final List<String> columns;
    final String expression;
    final String line = Where.caller();
    String name;

    ConstraintBuilder(List<String> columns, String expression) {
        this.columns = columns;
        this.expression = expression;
    }

    /** {@code CONSTRAINT name}: SQLite names the constraint in its error messages. */
    public ConstraintBuilder named(String constraintName) {
        this.name = Names.require(constraintName, "constraint name");
        return this;
    }
}
