package io.liteshift.schema;

import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An ordinary table. Constraints declared on a column and as table constraints are held alike, in the
 * lists below, because SQLite treats them alike.
 *
 * @param primaryKey the primary key, or null for a table keyed only by its rowid
 * @param sql        the CREATE TABLE statement as stored by SQLite
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<CheckConstraint> checks, List<ForeignKey> foreignKeys, boolean withoutRowid,
                    boolean strict, String sql) {

    public Table {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> Identifiers.same(c.name(), columnName)).findFirst();
    }

    public boolean autoincrement() {
        return primaryKey != null && primaryKey.autoincrement();
    }

    /** The column that aliases the rowid (a lone INTEGER PRIMARY KEY of a rowid table), if any. */
    public Optional<Column> rowidAlias() {
        if (withoutRowid || primaryKey == null || primaryKey.columns().size() != 1) return Optional.empty();
        IndexedColumn pk = primaryKey.columns().get(0);
        if (!pk.isColumn() || pk.descending()) return Optional.empty();
        return column(pk.expression()).filter(c -> c.type().equalsIgnoreCase("INTEGER"));
    }

    /** The names that identify a row in messages: the primary key's columns, or the rowid. */
    public List<String> keyColumns() {
        if (primaryKey != null && primaryKey.columns().stream().allMatch(IndexedColumn::isColumn)) {
            return primaryKey.columnNames();
        }
        return List.of("rowid");
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniques, checks, foreignKeys, withoutRowid, strict, sql);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniques, checks, foreignKeys, withoutRowid, strict, sql);
    }

    public Table withConstraints(PrimaryKey pk, List<UniqueConstraint> u, List<CheckConstraint> c, List<ForeignKey> fks) {
        return new Table(name, columns, pk, u, c, fks, withoutRowid, strict, sql);
    }

    /** Canonical DDL for this table. */
    @Override
    public String toString() {
        return toString(column -> null);
    }

    /**
     * Canonical DDL with a comment at the end of some columns' lines ({@code commentFor} gives it, or null): where
     * a {@code -- @renamed from=old} column hint must stand.
     */
    public String toString(Function<Column, String> commentFor) {
        List<String> parts = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        boolean inlineKey = autoincrement() && primaryKey.columns().size() == 1;
        for (Column c : columns) {
            boolean key = inlineKey && Identifiers.same(c.name(), primaryKey.columns().get(0).expression());
            parts.add(key ? c.toStringWithAutoincrement() : c.toString());
            comments.add(commentFor.apply(c));
        }
        if (primaryKey != null && !inlineKey) parts.add(primaryKey.toString());
        uniques.forEach(u -> parts.add(u.toString()));
        checks.forEach(c -> parts.add(c.toString()));
        foreignKeys.forEach(f -> parts.add(f.toString()));
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(Identifiers.quote(name)).append(" (");
        for (int i = 0; i < parts.size(); i++) {
            sb.append("\n  ").append(parts.get(i));
            if (i < parts.size() - 1) sb.append(',');
            String comment = i < comments.size() ? comments.get(i) : null;
            if (comment != null) sb.append(' ').append(comment);
        }
        List<String> options = new ArrayList<>();
        if (withoutRowid) options.add("WITHOUT ROWID");
        if (strict) options.add("STRICT");
        return sb.append("\n)").append(options.isEmpty() ? "" : " " + String.join(", ", options)).toString();
    }
}
