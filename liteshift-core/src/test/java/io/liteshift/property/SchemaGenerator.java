package io.liteshift.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds schema A from choices: 1-5 tables with varied columns, keys and options, foreign keys to earlier
 * tables, indexes, views, and sometimes an audit table fed by AFTER INSERT triggers. The evolution reuses the
 * table and column builders for what it adds.
 */
final class SchemaGenerator {
    static final int AUDIT_TABLE = 99;
    static final List<String> ON_DELETE = List.of("NO ACTION", "CASCADE", "SET NULL", "RESTRICT", "SET DEFAULT");
    static final List<String> ON_UPDATE = List.of("NO ACTION", "CASCADE");

    private final Choices c;
    private int nextColumnId;

    SchemaGenerator(Choices choices, int firstColumnId) {
        this.c = choices;
        this.nextColumnId = firstColumnId;
    }

    static SchemaDef schemaA(Choices choices) {
        return new SchemaGenerator(choices, 0).schema();
    }

    private SchemaDef schema() {
        List<TableDef> tables = new ArrayList<>();
        int count = 1 + c.pick(5);
        for (int i = 0; i < count; i++) {
            TableDef t = table(i, tableNames(tables));
            if (i > 0 && c.flag(45)) t = withForeignKeyTo(t, c.oneOf(tables), List.of());
            if (c.flag(10)) t = withForeignKeyTo(t, t, List.of()); // self-reference: rebuilding it must keep the links
            tables.add(t);
        }
        List<TriggerDef> triggers = new ArrayList<>();
        if (c.flag(35)) {
            TableDef audit = auditTable(tableNames(tables));
            int n = 1 + c.pick(2);
            for (int i = 0; i < n; i++) {
                TableDef on = c.oneOf(tables);
                triggers.add(new TriggerDef("trg_" + i, on.id(), c.oneOf(on.columns()).id(), audit.id(), c.flag(30)));
            }
            tables.add(audit);
        }
        List<IndexDef> indexes = new ArrayList<>();
        int n = c.pick(4);
        for (int i = 0; i < n; i++) indexes.add(index(c.flag(30) ? "Ix " + i : "ix_" + i, c.oneOf(tables)));
        List<ViewDef> views = new ArrayList<>();
        int v = c.pick(3);
        for (int i = 0; i < v; i++) views.add(view(c.flag(30) ? "My View " + i : "v_" + i, c.oneOf(tables), tables));
        return new SchemaDef(tables, indexes, views, triggers).pruned();
    }

    static List<String> tableNames(List<TableDef> tables) {
        return tables.stream().map(TableDef::name).toList();
    }

    /** A table with a primary key choice, 1-4 more columns and optional STRICT / WITHOUT ROWID. */
    TableDef table(int id, List<String> takenNames) {
        String name = Names.fresh(c.oneOf(Names.TABLES), takenNames);
        boolean strict = c.flag(20);
        boolean withoutRowid = c.flag(15);
        int pkKind = c.pick(4); // 0 none, 1 and 3 INTEGER PRIMARY KEY, 2 composite
        if (withoutRowid && pkKind == 0) pkKind = 1;
        List<ColumnDef> columns = new ArrayList<>();
        List<Integer> pk = new ArrayList<>();
        if (pkKind == 1 || pkKind == 3) {
            ColumnDef id0 = new ColumnDef(nextColumnId++, Names.fresh(c.flag(50) ? "id" : "Key", List.of()), "INTEGER",
                    false, null, false, null);
            columns.add(id0);
            pk.add(id0.id());
        } else if (pkKind == 2) {
            for (int k = 0; k < 2; k++) {
                String type = c.oneOf(List.of("TEXT", "INTEGER", "VARCHAR(20)"));
                ColumnDef kc = new ColumnDef(nextColumnId++, Names.fresh(c.oneOf(Names.COLUMNS), names(columns)),
                        strict ? ValueKind.strictType(type) : type, true, null, false, null);
                columns.add(kc);
                pk.add(kc.id());
            }
        }
        boolean autoincrement = pk.size() == 1 && !withoutRowid && c.flag(25);
        int more = 1 + c.pick(4);
        for (int k = 0; k < more; k++) columns.add(column(names(columns), strict, true));
        if (c.flag(20)) columns.add(generatedColumn(columns, names(columns)));
        List<List<Integer>> uniques = new ArrayList<>();
        List<ColumnDef> plain = columns.stream().filter(col -> !pk.contains(col.id())).toList();
        if (plain.size() >= 2 && c.flag(10)) uniques.add(List.of(plain.get(0).id(), plain.get(1).id()));
        return new TableDef(id, name, columns, pk, autoincrement, strict, withoutRowid, uniques, List.of(), false);
    }

    /** A column; with {@code anyConstraint} false it is one ALTER TABLE ADD COLUMN could add to a table with rows. */
    ColumnDef column(List<String> takenNames, boolean strict, boolean anyConstraint) {
        String name = Names.fresh(c.oneOf(Names.COLUMNS), takenNames);
        String type = c.oneOf(strict ? ValueKind.STRICT_TYPES : ValueKind.TYPES);
        ValueKind kind = ValueKind.of(type);
        boolean withDefault = c.flag(35);
        String dflt = withDefault ? kind.defaultSql(c.pick(ValueKind.DEFAULT_VARIANTS)) : null;
        boolean notNull = c.flag(30) && (anyConstraint || withDefault);
        boolean unique = c.flag(15);
        String check = c.flag(20) ? kind.check() : null;
        int id = nextColumnId++;
        return new ColumnDef(id, name, type, notNull, dflt, unique, check, check != null && c.flag(30) ? checkName(id) : null,
                kind == ValueKind.TEXT || kind == ValueKind.MIXED ? collation(c) : null, -1, false);
    }

    /** {@code length(other)}, VIRTUAL or STORED, over a plain column. */
    ColumnDef generatedColumn(List<ColumnDef> columns, List<String> takenNames) {
        List<ColumnDef> plain = columns.stream().filter(col -> !col.isGenerated()).toList();
        return ColumnDef.generated(nextColumnId++, Names.fresh("len", takenNames), "INTEGER", c.oneOf(plain).id(), c.flag(40));
    }

    static String checkName(int columnId) {
        return columnId % 2 == 0 ? "ck_" + columnId : "Check " + columnId;
    }

    static String collation(Choices c) {
        return c.flag(15) ? c.oneOf(List.of("NOCASE", "RTRIM", "nocase")) : null;
    }

    static List<String> names(List<ColumnDef> columns) {
        return columns.stream().map(ColumnDef::name).toList();
    }

    /**
     * Adds columns to {@code child} that reference the key of {@code parent}, and the foreign key itself. The
     * new columns avoid {@code reservedNames} too: a column added under the name of a dropped one would be
     * the same column to SQLite and to the engine.
     */
    TableDef withForeignKeyTo(TableDef child, TableDef parent, List<String> reservedNames) {
        List<Integer> key = parentKey(parent);
        if (key.isEmpty() || parent.audit()) return child;
        List<ColumnDef> columns = new ArrayList<>(child.columns());
        List<Integer> fkColumns = new ArrayList<>();
        boolean notNull = c.flag(30);
        for (int keyColumn : key) {
            ColumnDef pc = parent.columnById(keyColumn);
            String type = child.strict() ? ValueKind.strictType(pc.type()) : ValueKind.lenientType(pc.type());
            List<String> taken = new ArrayList<>(names(columns));
            taken.addAll(reservedNames);
            ColumnDef fc = new ColumnDef(nextColumnId++, Names.fresh(Names.fold(parent.name()).replace(' ', '_') + "_ref", taken),
                    type, notNull, null, false, null);
            columns.add(fc);
            fkColumns.add(fc.id());
        }
        List<ForeignKeyDef> fks = new ArrayList<>(child.foreignKeys());
        fks.add(new ForeignKeyDef(fkColumns, parent.id(), key, c.oneOf(ON_DELETE), c.oneOf(ON_UPDATE)));
        return child.withColumns(columns).withForeignKeys(fks);
    }

    /** The primary key, else a single UNIQUE column, else nothing. */
    static List<Integer> parentKey(TableDef parent) {
        if (!parent.primaryKey().isEmpty()) return parent.primaryKey();
        return parent.columns().stream().filter(ColumnDef::unique).findFirst().map(col -> List.of(col.id())).orElse(List.of());
    }

    TableDef auditTable(List<String> takenNames) {
        String name = Names.fresh(c.flag(50) ? "audit_log" : "Audit Log", takenNames);
        List<ColumnDef> columns = List.of(
                new ColumnDef(nextColumnId++, "id", "INTEGER", false, null, false, null),
                new ColumnDef(nextColumnId++, "tbl", "TEXT", true, null, false, null),
                new ColumnDef(nextColumnId++, "ref", "", false, null, false, null));
        return new TableDef(AUDIT_TABLE, name, columns, List.of(columns.get(0).id()), c.flag(50), false, false,
                List.of(), List.of(), true);
    }

    IndexDef index(String name, TableDef t) {
        int n = 1 + c.pick(2);
        List<IndexDef.Part> parts = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ColumnDef col = c.oneOf(t.columns());
            if (used.contains(col.id())) continue;
            used.add(col.id());
            parts.add(new IndexDef.Part(col.id(), c.flag(25), c.flag(20)));
        }
        int partial = c.flag(20) ? c.oneOf(t.columns()).id() : -1;
        return new IndexDef(name, t.id(), c.flag(25), parts, partial);
    }

    ViewDef view(String name, TableDef t, List<TableDef> tables) {
        List<Integer> cols = new ArrayList<>();
        cols.add(c.oneOf(t.columns()).id());
        ColumnDef second = c.oneOf(t.columns());
        if (c.flag(50) && !cols.contains(second.id())) cols.add(second.id());
        if (!c.flag(25)) return new ViewDef(name, t.id(), cols, -1, -1);
        TableDef other = c.oneOf(tables);
        return new ViewDef(name, t.id(), cols, other.id(), c.oneOf(other.columns()).id());
    }
}
