package io.liteshift.property;

import java.util.ArrayList;
import java.util.List;

/**
 * What goes into database A after its schema: the generated rows, then a DELETE of the last row of each
 * trimmed table (so AUTOINCREMENT's counter is ahead of max(rowid), which a rebuild must keep).
 */
record Population(List<RowDef> rows, List<Integer> trimmedTables) {

    List<String> statements(SchemaDef a) {
        List<String> out = new ArrayList<>(rows.stream().map(r -> r.insertSql(a)).toList());
        for (int id : trimmedTables) {
            TableDef t = a.tableById(id);
            String key = t.withoutRowid() ? SchemaDef.names(t, t.primaryKey()) : Sql.rowid(SchemaGenerator.names(t.columns()));
            String name = Sql.name(t.name());
            out.add("DELETE FROM " + name + " WHERE (" + key + ") IN (SELECT " + key + " FROM " + name + " ORDER BY " + key + " DESC LIMIT 1)");
        }
        return out;
    }
}
