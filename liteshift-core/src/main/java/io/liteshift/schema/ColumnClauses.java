package io.liteshift.schema;

import java.util.List;

/**
 * What a column's own definition in its CREATE TABLE says beyond the column's shape: its DEFAULT as written (SQLite
 * reports an expression DEFAULT without the parentheses it was written in) and the constraints written on the column,
 * which the table's lists hold as well. {@code ALTER TABLE ... ADD COLUMN} takes the definition as it is, so the
 * planner reads these to know whether it can add the column in place.
 *
 * @param writtenDefault the DEFAULT as the definition writes it, or null when it has none
 * @param primaryKey     the definition says PRIMARY KEY
 * @param unique         the definition says UNIQUE
 * @param checks         the CHECKs in the definition
 * @param foreignKeys    the REFERENCES clause of the definition, if any
 */
public record ColumnClauses(String writtenDefault, boolean primaryKey, boolean unique, List<CheckConstraint> checks,
                            List<ForeignKey> foreignKeys) {

    /** For a column whose definition is not known (one built in code). */
    public static final ColumnClauses NONE = new ColumnClauses(null, false, false, List.of(), List.of());

    public ColumnClauses {
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
    }
}
