package io.liteshift.review;

import io.liteshift.schema.Column;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The key marks of a column: {@code PK} primary key, {@code FK} foreign key, {@code UQ} unique, {@code NN} NOT NULL. */
final class ColumnKeys {
    /** The order marks are shown in. */
    static final List<String> ORDER = List.of("PK", "FK", "UQ", "NN");

    private ColumnKeys() {
    }

    static Set<String> of(Schema schema, Table table, Column column) {
        String name = column.name();
        List<String> keys = new ArrayList<>();
        if (table.primaryKey() != null && containsName(table.primaryKey().columnNames(), name)) keys.add("PK");
        if (table.foreignKeys().stream().anyMatch(fk -> containsName(fk.columns(), name))) keys.add("FK");
        boolean uniqueConstraint = table.uniques().stream().anyMatch(u -> isJust(u.columns(), name));
        boolean uniqueIndex = schema.indexesOf(table.name()).stream()
                .anyMatch(i -> i.unique() && i.where() == null && isJust(i.keys(), name));
        if (uniqueConstraint || uniqueIndex) keys.add("UQ");
        if (column.notNull()) keys.add("NN");
        return Set.copyOf(keys);
    }

    /** The marks in display order, separated by spaces: "PK NN". */
    static String render(Set<String> keys) {
        return String.join(" ", ORDER.stream().filter(keys::contains).toList());
    }

    private static boolean containsName(List<String> names, String name) {
        return names.stream().anyMatch(n -> Identifiers.same(n, name));
    }

    private static boolean isJust(List<IndexedColumn> keys, String name) {
        return keys.size() == 1 && keys.get(0).isColumn() && Identifiers.same(keys.get(0).expression(), name);
    }
}
