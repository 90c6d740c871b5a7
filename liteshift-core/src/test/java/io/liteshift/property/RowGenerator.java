package io.liteshift.property;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for schema A, aimed at being valid: distinct values in key and UNIQUE columns, values in NOT NULL
 * columns, CHECK-satisfying values, foreign keys copied from a generated parent row. SQLite has the last word
 * when they are inserted (a row it rejects is skipped), so the populated database is always valid for A.
 * Some tables then lose their last row, so an AUTOINCREMENT counter runs ahead of the largest rowid.
 */
final class RowGenerator {
    private RowGenerator() {
    }

    static Population rows(SchemaDef a, Choices c) {
        List<RowDef> out = new ArrayList<>();
        List<Integer> trimmed = new ArrayList<>();
        Map<Integer, List<RowDef>> byTable = new HashMap<>();
        for (TableDef t : a.tables()) {
            if (t.audit()) continue;
            int n = c.pick(6);
            List<RowDef> rows = new ArrayList<>();
            byTable.put(t.id(), rows);
            for (int r = 0; r < n; r++) rows.add(row(t, r, c, byTable));
            out.addAll(rows);
            if (n > 1 && c.flag(20)) trimmed.add(t.id());
        }
        return new Population(out, trimmed);
    }

    private static RowDef row(TableDef t, int r, Choices c, Map<Integer, List<RowDef>> earlier) {
        Map<Integer, Object> values = new LinkedHashMap<>();
        for (ForeignKeyDef fk : t.foreignKeys()) {
            List<RowDef> parents = earlier.getOrDefault(fk.parentTable(), List.of());
            boolean nullable = fk.columns().stream().noneMatch(id -> t.columnById(id).notNull());
            if (parents.isEmpty() || nullable && c.flag(20)) {
                fk.columns().forEach(id -> values.put(id, null));
                continue;
            }
            RowDef parent = parents.get(c.pick(parents.size()));
            for (int k = 0; k < fk.columns().size(); k++) {
                values.put(fk.columns().get(k), parent.values().get(fk.parentColumns().get(k)));
            }
        }
        for (ColumnDef col : t.columns()) {
            if (values.containsKey(col.id()) || col.isGenerated()) continue;
            int pkAt = t.primaryKey().indexOf(col.id());
            if (t.hasRowidAlias() && pkAt == 0) {
                values.put(col.id(), (long) r + 1);
            } else if (pkAt == 0) {
                values.put(col.id(), col.kind().value(r));
            } else if (pkAt > 0) {
                values.put(col.id(), col.kind().value(c.pick(2)));
            } else if (col.defaultSql() != null && c.flag(15)) {
                continue; // let the DEFAULT fill it
            } else if (!col.notNull() && c.flag(15)) {
                values.put(col.id(), null);
            } else {
                values.put(col.id(), col.kind().value(col.unique() ? r : c.pick(4)));
            }
        }
        return new RowDef(t.id(), values);
    }
}
