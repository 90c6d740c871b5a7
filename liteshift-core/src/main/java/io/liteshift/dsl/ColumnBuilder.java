package io.liteshift.dsl;

import io.liteshift.LiteShiftException;
import io.liteshift.sql.Identifiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One column: {@code t.column("email", TEXT).notNull().unique().collate("NOCASE")}. Every method returns this
 * builder; a reference's {@link #onDelete}, {@link #onUpdate} and {@link #deferred} follow {@link #references}.
 */
public final class ColumnBuilder {
    final String name;
    final String type;
    final String line = Where.caller();
    boolean notNull;
    boolean primaryKey;
    boolean autoincrement;
    boolean unique;
    final List<String> checks = new ArrayList<>();
    String defaultSql;
    String collation;
    String generated;
    boolean stored;
    ForeignKeyBuilder reference;
    String renamedFrom;

    ColumnBuilder(String name, String type) {
        this.name = name;
        this.type = type;
    }

    public ColumnBuilder notNull() {
        notNull = true;
        return this;
    }

    /** This column alone is the primary key (for several columns, use {@link TableBuilder#primaryKey}). */
    public ColumnBuilder primaryKey() {
        primaryKey = true;
        return this;
    }

    /** {@code PRIMARY KEY AUTOINCREMENT}: rowids are never reused. Implies {@link #primaryKey()}; needs type INTEGER. */
    public ColumnBuilder autoincrement() {
        primaryKey = true;
        autoincrement = true;
        return this;
    }

    public ColumnBuilder unique() {
        unique = true;
        return this;
    }

    /** A CHECK on this column, e.g. {@code "qty > 0"}; SQLite validates the expression when the schema is loaded. */
    public ColumnBuilder check(String expression) {
        checks.add(Names.requireSql(expression, "CHECK expression of column " + name));
        return this;
    }

    /**
     * A literal default: text (quoted for you), a number, a boolean (1 or 0), a byte array (a blob) or null. For
     * an expression such as {@code CURRENT_TIMESTAMP}, use {@link #defaultExpression}.
     */
    public ColumnBuilder defaultValue(Object value) {
        defaultSql = literal(value);
        return this;
    }

    /** A default written as SQL: {@code "CURRENT_TIMESTAMP"}, {@code "(strftime('%s','now'))"}, {@code "-1"}. */
    public ColumnBuilder defaultExpression(String sql) {
        defaultSql = Names.requireSql(sql, "DEFAULT expression of column " + name);
        return this;
    }

    public ColumnBuilder collate(String collationName) {
        collation = Names.require(collationName, "collation");
        return this;
    }

    /** {@code GENERATED ALWAYS AS (expression) STORED}: computed on write and kept in the row. */
    public ColumnBuilder generatedStored(String expression) {
        return generated(expression, true);
    }

    /** {@code GENERATED ALWAYS AS (expression) VIRTUAL}: computed when read. */
    public ColumnBuilder generatedVirtual(String expression) {
        return generated(expression, false);
    }

    private ColumnBuilder generated(String expression, boolean isStored) {
        generated = Names.requireSql(expression, "generated expression of column " + name);
        stored = isStored;
        return this;
    }

    /** A foreign key to {@code table}'s {@code column}, or, without a column, to its primary key. */
    public ColumnBuilder references(String table, String... column) {
        if (column.length > 1) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "column " + name + " references "
                    + column.length + " columns of " + table + Where.at(Where.caller()) + ": a column can reference one."
                    + " For a composite key, use t.foreignKey(columns...).references(table, columns...).");
        }
        reference = new ForeignKeyBuilder(List.of(name)).references(table, column);
        return this;
    }

    public ColumnBuilder onDelete(Action action) {
        requireReference("onDelete").onDelete(action);
        return this;
    }

    public ColumnBuilder onUpdate(Action action) {
        requireReference("onUpdate").onUpdate(action);
        return this;
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: the reference is checked at commit, not at each statement. */
    public ColumnBuilder deferred() {
        requireReference("deferred").deferred();
        return this;
    }

    /** Renames the column with its values when it was called {@code oldName} (the hint is ignored once applied). */
    public ColumnBuilder renamedFrom(String oldName) {
        renamedFrom = Names.require(oldName, "old column name");
        return this;
    }

    private ForeignKeyBuilder requireReference(String method) {
        if (reference == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "column " + name + ": " + method
                    + "(...) without references(...)" + Where.at(Where.caller()) + ". Call references(table, column) first.");
        }
        return reference;
    }

    private String literal(Object value) {
        if (value == null) return "NULL";
        if (value instanceof String s) return Identifiers.literal(s);
        if (value instanceof Boolean b) return b ? "1" : "0";
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) throw badDefault(value, "SQLite stores no " + d);
            return value.toString();
        }
        if (value instanceof Number n) return n.toString();
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder("X'");
            for (byte x : bytes) hex.append(String.format("%02X", x));
            return hex.append('\'').toString();
        }
        throw badDefault(value, "a " + value.getClass().getName() + " has no SQL literal");
    }

    private LiteShiftException badDefault(Object value, String why) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "column " + name + ": cannot use " + value
                + " as its default" + Where.at(Where.caller()) + ": " + why
                + ". Give text, a number, a boolean, a byte array or null, or write SQL with defaultExpression(...).");
    }
}
