package io.liteshift.property;

import java.util.List;
import java.util.Optional;

/**
 * One generated table.
 *
 * @param primaryKey column ids; one INTEGER column in a rowid table is the rowid alias (INTEGER PRIMARY KEY)
 * @param uniques    table-level UNIQUE constraints (column ids)
 * @param audit      the table the triggers write to; rows come only from triggers
 */
record TableDef(int id, String name, List<ColumnDef> columns, List<Integer> primaryKey, boolean autoincrement,
                boolean strict, boolean withoutRowid, List<List<Integer>> uniques, List<ForeignKeyDef> foreignKeys,
                boolean audit) {

    TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniques = List.copyOf(uniques);
        foreignKeys = List.copyOf(foreignKeys);
    }

    Optional<ColumnDef> column(int columnId) {
        return columns.stream().filter(c -> c.id() == columnId).findFirst();
    }

    ColumnDef columnById(int columnId) {
        return column(columnId).orElseThrow(() -> new IllegalStateException("no column " + columnId + " in " + name));
    }

    /** The single INTEGER PRIMARY KEY column of a rowid table: an alias of the rowid. */
    boolean hasRowidAlias() {
        return !withoutRowid && primaryKey.size() == 1 && columnById(primaryKey.get(0)).type().equalsIgnoreCase("INTEGER");
    }

    boolean inPrimaryKey(int columnId) {
        return primaryKey.contains(columnId);
    }

    TableDef withName(String n) {
        return new TableDef(id, n, columns, primaryKey, autoincrement, strict, withoutRowid, uniques, foreignKeys, audit);
    }

    TableDef withColumns(List<ColumnDef> cs) {
        return new TableDef(id, name, cs, primaryKey, autoincrement, strict, withoutRowid, uniques, foreignKeys, audit);
    }

    TableDef withForeignKeys(List<ForeignKeyDef> fks) {
        return new TableDef(id, name, columns, primaryKey, autoincrement, strict, withoutRowid, uniques, fks, audit);
    }

    TableDef withUniques(List<List<Integer>> us) {
        return new TableDef(id, name, columns, primaryKey, autoincrement, strict, withoutRowid, us, foreignKeys, audit);
    }

    TableDef withOptions(boolean isStrict, boolean isWithoutRowid) {
        return new TableDef(id, name, columns, primaryKey, autoincrement, isStrict, isWithoutRowid, uniques, foreignKeys, audit);
    }
}
