package io.liteshift.property;

import java.util.List;

/** A foreign key by column and table ids, so renames on either side carry through. */
record ForeignKeyDef(List<Integer> columns, int parentTable, List<Integer> parentColumns, String onDelete, String onUpdate) {

    ForeignKeyDef withOnDelete(String action) {
        return new ForeignKeyDef(columns, parentTable, parentColumns, action, onUpdate);
    }
}
