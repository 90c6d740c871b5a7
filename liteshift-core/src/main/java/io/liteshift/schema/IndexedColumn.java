package io.liteshift.schema;

import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.Collection;

/**
 * One key part of a PRIMARY KEY, UNIQUE or index: a column or an expression, with its collation and order.
 *
 * @param expression a column name, or an expression's SQL when {@code isColumn} is false
 */
public record IndexedColumn(String expression, boolean isColumn, String collation, boolean descending) {

    public static IndexedColumn column(String name) {
        return new IndexedColumn(name, true, null, false);
    }

    /** True when this key reads one of {@code foldedNames} (a column name is compared, an expression scanned). */
    public boolean refersTo(Collection<String> foldedNames) {
        return isColumn ? foldedNames.contains(Identifiers.fold(expression))
                : SqlText.mentions(expression, foldedNames);
    }

    public IndexedColumn renamed(String to) {
        return new IndexedColumn(to, isColumn, collation, descending);
    }

    @Override
    public String toString() {
        return (isColumn ? Identifiers.quote(expression) : expression)
                + (collation == null ? "" : " COLLATE " + Identifiers.quote(collation))
                + (descending ? " DESC" : "");
    }
}
