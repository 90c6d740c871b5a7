package io.liteshift.property;

import java.util.Map;
import java.util.stream.Collectors;

/** One generated row: column id to value; columns left out take their DEFAULT. */
record RowDef(int table, Map<Integer, Object> values) {

    String insertSql(SchemaDef schema) {
        TableDef t = schema.tableById(table);
        if (values.isEmpty()) return "INSERT INTO " + Sql.name(t.name()) + " DEFAULT VALUES";
        return "INSERT INTO " + Sql.name(t.name()) + " ("
                + values.keySet().stream().map(id -> Sql.name(t.columnById(id).name())).collect(Collectors.joining(", "))
                + ") VALUES (" + values.values().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    }
}
