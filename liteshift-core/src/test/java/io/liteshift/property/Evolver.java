package io.liteshift.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.List;

/**
 * Derives schema B from schema A: tables kept, renamed (with a hint), dropped or added; columns kept, renamed
 * (with a hint), dropped, retyped, NOT NULL / UNIQUE / CHECK / DEFAULT toggled, added at the end; STRICT and
 * WITHOUT ROWID toggled; foreign keys dropped, changed or added; indexes, views and triggers kept, dropped,
 * changed or added. Some of these make B impossible for A's rows (a duplicate under a new UNIQUE, a NULL under
 * NOT NULL without DEFAULT, a text in a STRICT INTEGER column); the property tells them apart with SQLite itself.
 */
final class Evolver {
    private static final int FIRST_NEW_TABLE = 200;
    private static final int FIRST_NEW_COLUMN = 10_000;

    private final SchemaDef a;
    private final Choices c;
    private final SchemaGenerator gen;
    /** Every name a table or column ever had, so a rename never lands on a name SQLite would call the same. */
    private final List<String> usedTableNames = new ArrayList<>();

    private Evolver(SchemaDef a, Choices c) {
        this.a = a;
        this.c = c;
        this.gen = new SchemaGenerator(c, FIRST_NEW_COLUMN);
        a.tables().forEach(t -> usedTableNames.add(t.name()));
    }

    static SchemaDef schemaB(SchemaDef a, Choices c) {
        return new Evolver(a, c).evolve();
    }

    private SchemaDef evolve() {
        List<TableDef> tables = new ArrayList<>();
        for (TableDef t : a.tables()) {
            int fate = c.pick(10);
            if (fate == 9) continue; // dropped
            TableDef b = t.audit() ? t : columns(t);
            if (fate >= 7) {
                String name = Names.fresh(c.oneOf(Names.TABLES) + "_2", usedTableNames);
                usedTableNames.add(name);
                b = b.withName(name);
            }
            if (!t.audit()) b = options(b);
            if (c.flag(5)) b = b.withColumns(b.columns().stream().map(col -> col.withType(col.type().toLowerCase(Locale.ROOT))).toList());
            tables.add(b);
        }
        if (c.flag(10)) Collections.reverse(tables); // declaration order must not matter
        if (c.flag(10)) {
            TableDef added = gen.table(FIRST_NEW_TABLE, usedTableNames);
            usedTableNames.add(added.name());
            tables.add(added);
        }
        for (int i = 0; i < tables.size(); i++) {
            if (!tables.get(i).audit()) tables.set(i, foreignKeys(tables.get(i), tables));
        }
        SchemaDef draft = new SchemaDef(tables, List.of(), List.of(), List.of()).pruned();
        return new SchemaDef(draft.tables(), indexes(draft), views(draft), triggers(draft)).pruned();
    }

    private TableDef columns(TableDef t) {
        List<String> taken = new ArrayList<>(SchemaGenerator.names(t.columns()));
        List<ColumnDef> out = new ArrayList<>();
        for (ColumnDef col : t.columns()) {
            if (col.isGenerated()) {
                switch (c.pick(10)) {
                    case 7 -> out.add(renamed(col, taken));
                    case 8 -> { } // dropped
                    case 9 -> out.add(col.withStored(!col.stored()));
                    default -> out.add(col);
                }
                continue;
            }
            if (t.inPrimaryKey(col.id())) {
                out.add(c.pick(6) == 5 ? renamed(col, taken) : col);
                continue;
            }
            switch (c.pick(15)) {
                case 6 -> out.add(renamed(col, taken));
                case 7 -> { } // dropped (a generated column reading it goes too, below)
                case 8 -> out.add(retyped(col, t.strict()));
                case 9 -> out.add(col.notNull() ? col.withNotNull(false) : becomesNotNull(col));
                case 10 -> out.add(col.withUnique(!col.unique()));
                case 11 -> out.add(col.check() == null ? col.withCheck(col.kind().check(), c.flag(30) ? SchemaGenerator.checkName(col.id()) : null)
                        : c.flag(30) ? col.withCheck(col.check(), col.checkName() == null ? SchemaGenerator.checkName(col.id()) : null)
                        : col.withCheck(null, null));
                case 12 -> out.add(col.defaultSql() == null ? col.withDefault(col.kind().defaultSql(c.pick(ValueKind.DEFAULT_VARIANTS)))
                        : col.notNull() ? col.withDefault(col.kind().defaultSql(1)) : col.withDefault(null));
                case 13 -> out.add(retyped(renamed(col, taken), t.strict()));
                case 14 -> out.add(col.withCollation(col.collation() == null ? "NOCASE" : null));
                default -> out.add(col);
            }
        }
        int added = c.pick(3);
        for (int i = 0; i < added; i++) {
            ColumnDef n = gen.column(taken, t.strict(), false);
            taken.add(n.name());
            out.add(n);
        }
        if (c.flag(10) && out.stream().anyMatch(col -> !col.isGenerated())) {
            ColumnDef g = gen.generatedColumn(out, taken);
            taken.add(g.name());
            out.add(g);
        }
        // a generated column whose source column is gone goes too
        out.removeIf(col -> col.isGenerated() && out.stream().noneMatch(o -> o.id() == col.generatedFrom()));
        if (out.isEmpty()) out.add(t.columns().stream().filter(col -> !col.isGenerated()).findFirst().orElseThrow()); // a table needs a column
        return t.withColumns(out);
    }

    /** NOT NULL, often with a DEFAULT that then fills the column's NULLs (and must still pass UNIQUE and CHECK). */
    private ColumnDef becomesNotNull(ColumnDef col) {
        return col.withNotNull(true).withDefault(col.defaultSql() == null && c.flag(50) ? col.kind().defaultSql(0) : col.defaultSql());
    }

    private ColumnDef renamed(ColumnDef col, List<String> taken) {
        String name = Names.fresh(c.oneOf(Names.COLUMNS) + "_2", taken);
        taken.add(name);
        return col.withName(name);
    }

    private ColumnDef retyped(ColumnDef col, boolean strict) {
        return col.withType(c.oneOf(strict ? ValueKind.STRICT_TYPES : ValueKind.TYPES));
    }

    /** Sometimes toggles STRICT (adapting the types) or WITHOUT ROWID (when the table has a key for it). */
    private TableDef options(TableDef t) {
        TableDef out = t;
        if (c.flag(8)) {
            boolean strict = !t.strict();
            out = out.withColumns(t.columns().stream()
                    .map(col -> col.withType(strict ? ValueKind.strictType(col.type()) : ValueKind.lenientType(col.type())))
                    .toList()).withOptions(strict, t.withoutRowid());
        }
        if (c.flag(6) && !out.primaryKey().isEmpty() && !out.autoincrement()) {
            out = out.withOptions(out.strict(), !out.withoutRowid());
        }
        return out;
    }

    private TableDef foreignKeys(TableDef t, List<TableDef> tables) {
        List<ForeignKeyDef> fks = new ArrayList<>();
        for (ForeignKeyDef fk : t.foreignKeys()) {
            switch (c.pick(10)) {
                case 8 -> { } // dropped
                case 9 -> fks.add(fk.withOnDelete(c.oneOf(SchemaGenerator.ON_DELETE)));
                default -> fks.add(fk);
            }
        }
        TableDef out = t.withForeignKeys(fks);
        List<TableDef> parents = tables.stream().filter(p -> p.id() != t.id() && !p.audit()).toList();
        if (!parents.isEmpty() && c.flag(12)) {
            out = gen.withForeignKeyTo(out, c.oneOf(parents), a.table(t.id()).map(at -> SchemaGenerator.names(at.columns())).orElse(List.of()));
        }
        if (!parents.isEmpty() && c.flag(6)) {
            out = foreignKeyOnExistingColumn(out, c.oneOf(parents));
        }
        return out;
    }

    /** A foreign key on a column that already holds data: only valid when every value has a parent. */
    private TableDef foreignKeyOnExistingColumn(TableDef t, TableDef parent) {
        List<Integer> key = SchemaGenerator.parentKey(parent);
        List<ColumnDef> candidates = t.columns().stream().filter(col -> !t.inPrimaryKey(col.id())).toList();
        if (key.size() != 1 || candidates.isEmpty()) return t;
        ColumnDef child = c.oneOf(candidates);
        // the same key declared twice is one key to the engine (and redundant): do not declare duplicates
        if (t.foreignKeys().stream().anyMatch(f -> f.columns().equals(List.of(child.id())) && f.parentTable() == parent.id())) return t;
        List<ForeignKeyDef> fks = new ArrayList<>(t.foreignKeys());
        fks.add(new ForeignKeyDef(List.of(child.id()), parent.id(), key, c.oneOf(SchemaGenerator.ON_DELETE), "NO ACTION"));
        return t.withForeignKeys(fks);
    }

    private List<IndexDef> indexes(SchemaDef b) {
        List<IndexDef> out = new ArrayList<>();
        for (IndexDef i : a.indexes()) {
            switch (c.pick(8)) {
                case 6 -> { } // dropped
                case 7 -> out.add(new IndexDef(i.name(), i.table(), !i.unique(), i.parts().stream()
                        .map(p -> new IndexDef.Part(p.column(), !p.descending(), p.expression())).toList(), i.partialOn()));
                default -> out.add(i);
            }
        }
        int n = c.pick(3);
        for (int k = 0; k < n && !b.tables().isEmpty(); k++) out.add(gen.index("ixb_" + k, c.oneOf(b.tables())));
        return out;
    }

    private List<ViewDef> views(SchemaDef b) {
        List<ViewDef> out = new ArrayList<>();
        for (ViewDef v : a.views()) {
            switch (c.pick(6)) {
                case 4 -> { } // dropped
                case 5 -> b.table(v.table()).ifPresent(t -> out.add(gen.view(v.name(), t, b.tables())));
                default -> out.add(v);
            }
        }
        if (!b.tables().isEmpty() && c.flag(20)) out.add(gen.view("vb", c.oneOf(b.tables()), b.tables()));
        return out;
    }

    private List<TriggerDef> triggers(SchemaDef b) {
        List<TriggerDef> out = new ArrayList<>();
        for (TriggerDef g : a.triggers()) {
            switch (c.pick(6)) {
                case 4 -> { } // dropped
                case 5 -> b.table(g.table()).ifPresent(t -> out.add(
                        new TriggerDef(g.name(), t.id(), c.oneOf(t.columns()).id(), g.auditTable(), !g.onlyNotNull())));
                default -> out.add(g);
            }
        }
        if (b.table(SchemaGenerator.AUDIT_TABLE).isPresent() && c.flag(20)) {
            TableDef on = c.oneOf(b.tables());
            if (!on.audit()) out.add(new TriggerDef("trgb", on.id(), c.oneOf(on.columns()).id(), SchemaGenerator.AUDIT_TABLE, c.flag(30)));
        }
        return out;
    }
}
