package io.liteshift.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table's columns, constraints, indexes and options, declared in the lambda given to
 * {@link SchemaBuilder#table}. Declaration order is kept: it is the column order of the table.
 */
public final class TableBuilder {
    final String name;
    final String line = Where.caller();
    final List<ColumnBuilder> columns = new ArrayList<>();
    final List<ConstraintBuilder> primaryKeys = new ArrayList<>();
    final List<ConstraintBuilder> uniques = new ArrayList<>();
    final List<ConstraintBuilder> checks = new ArrayList<>();
    final List<ForeignKeyBuilder> foreignKeys = new ArrayList<>();
    final List<IndexBuilder> indexes = new ArrayList<>();
    boolean strict;
    boolean withoutRowid;
    String renamedFrom;

    TableBuilder(String name) {
        this.name = name;
    }

    /** A column of one of SQLite's types. */
    public ColumnBuilder column(String columnName, SqliteType type) {
        return add(new ColumnBuilder(Names.require(columnName, "column name"), Objects.requireNonNull(type, "type").name()));
    }

    /** A column with any declared type SQLite accepts ({@code "VARCHAR(80)"}, {@code "DATETIME"}; affinity applies). */
    public ColumnBuilder column(String columnName, String declaredType) {
        return add(new ColumnBuilder(Names.require(columnName, "column name"), declaredType == null ? "" : declaredType.strip()));
    }

    /** A column without a declared type (values keep whatever type they have; not allowed in STRICT tables). */
    public ColumnBuilder column(String columnName) {
        return column(columnName, "");
    }

    private ColumnBuilder add(ColumnBuilder c) {
        columns.add(c);
        return c;
    }

    /** A primary key of one or more columns, as a table constraint. */
    public ConstraintBuilder primaryKey(String... keyColumns) {
        ConstraintBuilder c = new ConstraintBuilder(Names.requireAll(keyColumns, "primary key column"), null);
        primaryKeys.add(c);
        return c;
    }

    /** A UNIQUE constraint over one or more columns. */
    public ConstraintBuilder unique(String... uniqueColumns) {
        ConstraintBuilder c = new ConstraintBuilder(Names.requireAll(uniqueColumns, "unique column"), null);
        uniques.add(c);
        return c;
    }

    /** A table CHECK constraint, e.g. {@code "starts_at < ends_at"}. */
    public ConstraintBuilder check(String expression) {
        ConstraintBuilder c = new ConstraintBuilder(List.of(), Names.requireSql(expression, "CHECK expression of table " + name));
        checks.add(c);
        return c;
    }

    /** A FOREIGN KEY over one or more columns; finish with {@code .references(table, columns...)}. */
    public ForeignKeyBuilder foreignKey(String... childColumns) {
        ForeignKeyBuilder f = new ForeignKeyBuilder(Names.requireAll(childColumns, "foreign key column"));
        foreignKeys.add(f);
        return f;
    }

    /** A CREATE INDEX on this table; add its keys with {@code on(...)}, {@code column(...)} or {@code expression(...)}. */
    public IndexBuilder index(String indexName) {
        IndexBuilder i = new IndexBuilder(Names.require(indexName, "index name"), false);
        indexes.add(i);
        return i;
    }

    /** A CREATE UNIQUE INDEX on this table. */
    public IndexBuilder uniqueIndex(String indexName) {
        return index(indexName).unique();
    }

    /** A STRICT table: every column has one of INT, INTEGER, REAL, TEXT, BLOB, ANY, and values are type-checked. */
    public TableBuilder strict() {
        strict = true;
        return this;
    }

    /** A WITHOUT ROWID table (needs a primary key). */
    public TableBuilder withoutRowid() {
        withoutRowid = true;
        return this;
    }

    /** Renames the table with its rows when it was called {@code oldName} (the hint is ignored once applied). */
    public TableBuilder renamedFrom(String oldName) {
        renamedFrom = Names.require(oldName, "old table name");
        return this;
    }
}
