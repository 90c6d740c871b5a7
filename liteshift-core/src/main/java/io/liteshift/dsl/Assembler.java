package io.liteshift.dsl;

import io.liteshift.LiteShiftException;
import io.liteshift.inspect.Inspector;
import io.liteshift.hints.RenameHints;
import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.ForeignKeyTargets;
import io.liteshift.schema.Index;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.PrimaryKey;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.UniqueConstraint;
import io.liteshift.schema.View;
import io.liteshift.schema.VirtualTable;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the builders into liteshift's schema records (whose canonical DDL {@link JavaSchema} renders), first
 * checking what needs no database. Everything found is reported at once.
 */
final class Assembler {
    private final SchemaBuilder b;
    private final List<String> problems = new ArrayList<>();
    /** Folded name to what holds it ("table orders (AppSchema.java:12)"): SQLite has one namespace for all of them. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
    private final Set<String> views = new HashSet<>();
    private Schema model;

    private Assembler(SchemaBuilder b) {
        this.b = b;
    }

    static JavaSchema assemble(SchemaBuilder b) {
        return new Assembler(b).run();
    }

    private JavaSchema run() {
        for (TableBuilder t : b.tables) {
            if (claim(t.name, "table " + t.name, t.line)) tables.put(Identifiers.fold(t.name), t);
            t.indexes.forEach(i -> claim(i.name, "index " + i.name, i.line));
        }
        for (SchemaBuilder.Named v : b.views) {
            if (claim(v.name(), "view " + v.name(), v.line())) views.add(Identifiers.fold(v.name()));
        }
        b.virtualTables.forEach(v -> claim(v.name(), "virtual table " + v.name(), v.line()));
        b.triggers.forEach(t -> claim(t.name, "trigger " + t.name, t.line));
        b.tables.forEach(this::checkTable);
        b.triggers.forEach(this::checkTrigger);
        checkTableRenames();
        if (!problems.isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, (problems.size() == 1
                    ? "the schema has a mistake:" : "the schema has " + problems.size() + " mistakes:")
                    + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        }
        return build();
    }

    /** Registers a name; false (and a problem) when it is taken or reserved. */
    private boolean claim(String name, String what, String line) {
        if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
            problems.add(what + Where.at(line) + ": names starting with sqlite_ are reserved for SQLite. Choose another name.");
            return false;
        }
        if (Inspector.isIgnored(name)) {
            problems.add(what + Where.at(line) + ": liteshift ignores objects named liteshift_..., _liteshift...,"
                    + " _litestream_..., __drizzle_migrations and flyway_schema_history (its own and other tools' bookkeeping),"
                    + " so it would never create it. Choose another name.");
            return false;
        }
        String holder = names.putIfAbsent(Identifiers.fold(name), what + Where.at(line));
        if (holder == null) return true;
        problems.add(what + Where.at(line) + ": the name is taken by " + holder + (holder.startsWith(what) ? "" : " (SQLite keeps"
                + " tables, views, indexes and triggers in one namespace)") + ". Rename one of them, or remove the duplicate.");
        return false;
    }

    private void checkTable(TableBuilder t) {
        String table = "table " + t.name;
        if (t.columns.isEmpty()) problems.add(table + Where.at(t.line) + " declares no columns. Add at least one: t.column(\"id\", INTEGER).");
        Map<String, ColumnBuilder> columns = new HashMap<>();
        for (ColumnBuilder c : t.columns) {
            ColumnBuilder before = columns.putIfAbsent(Identifiers.fold(c.name), c);
            if (before != null) {
                problems.add(table + ", column " + c.name + Where.at(c.line) + ": declared twice (first" + Where.at(before.line)
                        + "). Remove one, or give it another name.");
            }
        }
        checkPrimaryKey(t, columns);
        for (ColumnBuilder c : t.columns) checkColumn(t, c, columns);
        for (ConstraintBuilder u : t.uniques) requireColumns(t, columns, u.columns, "UNIQUE", u.line);
        for (ForeignKeyBuilder f : allForeignKeys(t)) checkForeignKey(t, f, columns);
        for (IndexBuilder i : t.indexes) {
            if (i.keys.isEmpty()) {
                problems.add(table + ", index " + i.name + Where.at(i.line) + " has no keys. Add them: .on(\"column\") or .expression(\"lower(x)\").");
            }
            requireColumns(t, columns, i.keys.stream().filter(IndexedColumn::isColumn).map(IndexedColumn::expression).toList(),
                    "index " + i.name, i.line);
        }
    }

    private void checkPrimaryKey(TableBuilder t, Map<String, ColumnBuilder> columns) {
        List<String> declared = new ArrayList<>();
        t.columns.stream().filter(c -> c.primaryKey).forEach(c -> declared.add("column " + c.name + Where.at(c.line)));
        t.primaryKeys.forEach(p -> declared.add("primaryKey(" + String.join(", ", p.columns) + ")" + Where.at(p.line)));
        if (declared.size() > 1) {
            problems.add("table " + t.name + " declares " + declared.size() + " primary keys: " + String.join(", ", declared)
                    + ". A table has one; for a key of several columns write t.primaryKey(\"a\", \"b\") and drop primaryKey()"
                    + " from the columns.");
        }
        t.primaryKeys.forEach(p -> requireColumns(t, columns, p.columns, "PRIMARY KEY", p.line));
        if (t.withoutRowid && declared.isEmpty()) {
            problems.add("table " + t.name + Where.at(t.line) + " is WITHOUT ROWID but has no primary key. Declare one:"
                    + " primaryKey() on a column or t.primaryKey(columns...).");
        }
    }

    private void checkColumn(TableBuilder t, ColumnBuilder c, Map<String, ColumnBuilder> columns) {
        String column = "table " + t.name + ", column " + c.name + Where.at(c.line);
        if (c.autoincrement && !c.type.equalsIgnoreCase("INTEGER")) {
            problems.add(column + ": AUTOINCREMENT needs type INTEGER, not " + (c.type.isEmpty() ? "no type" : c.type)
                    + " (SQLite allows it only on an INTEGER PRIMARY KEY). Declare it column(\"" + c.name + "\", INTEGER).");
        }
        if (c.autoincrement && t.withoutRowid) {
            problems.add(column + ": AUTOINCREMENT is not possible in a WITHOUT ROWID table. Drop one of the two.");
        }
        if (t.strict && !SqliteType.allowedInStrict(c.type)) {
            problems.add(column + ": a STRICT table accepts the types INT, INTEGER, REAL, TEXT, BLOB and ANY, not "
                    + (c.type.isEmpty() ? "a column without a type" : c.type) + ". Use one of them, or drop strict().");
        }
        if (c.generated != null && c.primaryKey) {
            problems.add(column + ": a generated column cannot be part of the primary key. Key the table on another column.");
        }
        if (c.generated != null && c.defaultSql != null) {
            problems.add(column + ": a generated column cannot have a default (its value is always computed). Drop one of the two.");
        }
        if (c.renamedFrom != null) {
            if (Identifiers.same(c.renamedFrom, c.name)) {
                problems.add(column + ": renamedFrom(\"" + c.renamedFrom + "\") names the column itself. Remove the hint.");
            } else if (columns.containsKey(Identifiers.fold(c.renamedFrom))) {
                problems.add(column + ": renamedFrom(\"" + c.renamedFrom + "\") names another column of " + t.name
                        + " that is still declared. Remove that column, or the hint.");
            }
        }
    }

    private List<ForeignKeyBuilder> allForeignKeys(TableBuilder t) {
        List<ForeignKeyBuilder> out = new ArrayList<>();
        t.columns.stream().filter(c -> c.reference != null).forEach(c -> out.add(c.reference));
        out.addAll(t.foreignKeys);
        return out;
    }

    private void checkForeignKey(TableBuilder t, ForeignKeyBuilder f, Map<String, ColumnBuilder> columns) {
        String fk = "table " + t.name + ", foreign key (" + String.join(", ", f.columns) + ")" + Where.at(f.line);
        requireColumns(t, columns, f.columns, "FOREIGN KEY", f.line);
        if (f.table == null) {
            problems.add(fk + " references nothing. Finish it with .references(\"parent_table\", \"column\").");
            return;
        }
        ForeignKeyTargets.check(declaredModel(), table(t), foreignKey(f))
                .ifPresent(p -> problems.add(fk + " " + p.describe() + ". " + fix(p) + "."));
    }

    /** The fix of a foreign key problem, in the DSL's terms. */
    private String fix(ForeignKeyTargets.Problem p) {
        if (p instanceof ForeignKeyTargets.MissingTable m) {
            return "Declare it with s.table(\"" + m.key().refTable() + "\", ...), or fix the name"
                    + known(tables.values().stream().map(x -> x.name).toList());
        }
        if (p instanceof ForeignKeyTargets.NoPrimaryKey n) {
            return "Name the parent columns: references(\"" + n.parent().name() + "\", \"column\"), or give "
                    + n.parent().name() + " a primary key";
        }
        if (p instanceof ForeignKeyTargets.MissingColumns m) {
            return "Declare it in " + m.parent().name() + ", or reference one of its columns"
                    + known(m.parent().columns().stream().map(Column::name).toList());
        }
        if (p instanceof ForeignKeyTargets.NotUnique u) {
            return "Declare those columns unique in " + u.parent().name() + ", or reference its primary key";
        }
        return "Give as many parent columns as child columns"; // ColumnCountDiffers
    }

    /**
     * The declared tables (the first of each name), views, virtual tables and indexes as schema records: what a foreign
     * key may point at. Made once, when the first foreign key is checked.
     */
    private Schema declaredModel() {
        if (model == null) {
            List<Index> indexes = new ArrayList<>();
            tables.values().forEach(t -> t.indexes.forEach(i -> indexes.add(index(t, i))));
            model = new Schema(tables.values().stream().map(Assembler::table).toList(), indexes, viewRecords(), List.of(), virtualTableRecords());
        }
        return model;
    }

    private static Set<String> folded(List<String> names) {
        return names.stream().map(Identifiers::fold).collect(Collectors.toSet());
    }

    private void requireColumns(TableBuilder t, Map<String, ColumnBuilder> columns, List<String> named, String what, String line) {
        for (String c : named) {
            if (!columns.containsKey(Identifiers.fold(c))) {
                problems.add("table " + t.name + ", " + what + Where.at(line) + ": no column " + c + " in " + t.name
                        + ". Declare it, or use one of its columns" + known(t.columns.stream().map(x -> x.name).toList()) + ".");
            }
        }
    }

    private void checkTrigger(TriggerBuilder tr) {
        String trigger = "trigger " + tr.name + Where.at(tr.line);
        if (tr.timing == null) problems.add(trigger + " does not say when it fires. Call before(), after() or insteadOf().");
        if (tr.event == null) problems.add(trigger + " does not say on which change it fires. Call insert(), delete() or update(...).");
        if (tr.body.isEmpty()) problems.add(trigger + " has no body. Give its statements: body(\"UPDATE ...\").");
        if (tr.table == null) {
            problems.add(trigger + " is on no table. Call on(\"table\").");
            return;
        }
        TableBuilder t = tables.get(Identifiers.fold(tr.table));
        boolean view = views.contains(Identifiers.fold(tr.table));
        if (t == null && !view) {
            problems.add(trigger + " is on " + tr.table + ", which is not a declared table or view. Declare it, or fix the name"
                    + known(tables.values().stream().map(x -> x.name).toList()) + ".");
        } else if (view && !"INSTEAD OF".equals(tr.timing) && tr.timing != null) {
            problems.add(trigger + " is on the view " + tr.table + ": a trigger on a view must be insteadOf().");
        } else if (t != null && "INSTEAD OF".equals(tr.timing)) {
            problems.add(trigger + " is insteadOf() on the table " + tr.table + ": INSTEAD OF triggers are for views. Use before() or after().");
        }
        if (t != null) {
            Set<String> columns = folded(t.columns.stream().map(c -> c.name).toList());
            for (String c : tr.updateColumns) {
                if (!columns.contains(Identifiers.fold(c))) {
                    problems.add(trigger + ": update(\"" + c + "\") names no column of " + t.name + ". Fix the name"
                            + known(t.columns.stream().map(x -> x.name).toList()) + ".");
                }
            }
        }
    }

    private void checkTableRenames() {
        Map<String, TableBuilder> byOldName = new HashMap<>();
        for (TableBuilder t : b.tables) {
            if (t.renamedFrom == null) continue;
            String table = "table " + t.name + Where.at(t.line);
            if (Identifiers.same(t.renamedFrom, t.name)) {
                problems.add(table + ": renamedFrom(\"" + t.renamedFrom + "\") names the table itself. Remove the hint.");
            } else if (tables.containsKey(Identifiers.fold(t.renamedFrom))) {
                problems.add(table + ": renamedFrom(\"" + t.renamedFrom + "\") names a table that is still declared."
                        + " Remove that table, or the hint.");
            }
            TableBuilder other = byOldName.putIfAbsent(Identifiers.fold(t.renamedFrom), t);
            if (other != null) {
                problems.add(table + ": renamedFrom(\"" + t.renamedFrom + "\"), like table " + other.name + Where.at(other.line)
                        + ". One table can take the old one's rows; remove one of the hints.");
            }
        }
    }

    private static String known(List<String> names) {
        return names.isEmpty() ? "" : " (declared: " + String.join(", ", names) + ")";
    }

    private JavaSchema build() {
        List<Table> out = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        Map<String, String> tableHints = new HashMap<>();
        Map<String, Map<String, String>> columnHints = new HashMap<>();
        for (TableBuilder t : b.tables) {
            out.add(table(t));
            for (IndexBuilder i : t.indexes) indexes.add(index(t, i));
            if (t.renamedFrom != null) tableHints.put(Identifiers.fold(t.name), t.renamedFrom);
            for (ColumnBuilder c : t.columns) {
                if (c.renamedFrom != null) {
                    columnHints.computeIfAbsent(Identifiers.fold(t.name), k -> new HashMap<>()).put(Identifiers.fold(c.name), c.renamedFrom);
                }
            }
        }
        List<Trigger> triggers = b.triggers.stream().map(t -> new Trigger(t.name, t.table, triggerSql(t))).toList();
        return new JavaSchema(new Schema(out, indexes, viewRecords(), triggers, virtualTableRecords()), new RenameHints(tableHints, columnHints));
    }

    private static Index index(TableBuilder t, IndexBuilder i) {
        return new Index(i.name, t.name, i.unique, i.keys, i.partial, null);
    }

    private List<View> viewRecords() {
        return b.views.stream().map(v -> new View(v.name(), "CREATE VIEW " + Identifiers.quote(v.name()) + " AS " + v.sql())).toList();
    }

    private List<VirtualTable> virtualTableRecords() {
        return b.virtualTables.stream()
                .map(v -> new VirtualTable(v.name(), "CREATE VIRTUAL TABLE " + Identifiers.quote(v.name()) + " USING " + v.sql())).toList();
    }

    private static Table table(TableBuilder t) {
        List<Column> columns = new ArrayList<>();
        PrimaryKey pk = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (ColumnBuilder c : t.columns) {
            columns.add(new Column(c.name, c.type, c.notNull, c.defaultSql, c.collation,
                    c.generated == null ? null : new Column.Generated(c.generated, c.stored), null));
            if (c.primaryKey) pk = new PrimaryKey(null, List.of(IndexedColumn.column(c.name)), c.autoincrement);
            if (c.unique) uniques.add(new UniqueConstraint(null, List.of(IndexedColumn.column(c.name))));
            c.checks.forEach(x -> checks.add(new CheckConstraint(null, x)));
        }
        for (ConstraintBuilder p : t.primaryKeys) pk = new PrimaryKey(p.name, keys(p.columns), false);
        t.uniques.forEach(u -> uniques.add(new UniqueConstraint(u.name, keys(u.columns))));
        t.checks.forEach(c -> checks.add(new CheckConstraint(c.name, c.expression)));
        List<ForeignKey> fks = new ArrayList<>();
        for (ColumnBuilder c : t.columns) if (c.reference != null) fks.add(foreignKey(c.reference));
        t.foreignKeys.forEach(f -> fks.add(foreignKey(f)));
        return new Table(t.name, columns, pk, uniques, checks, fks, t.withoutRowid, t.strict, null);
    }

    private static List<IndexedColumn> keys(List<String> columns) {
        return columns.stream().map(IndexedColumn::column).toList();
    }

    private static ForeignKey foreignKey(ForeignKeyBuilder f) {
        return new ForeignKey(f.name, f.columns, f.table, f.refColumns, f.onDelete.sql(), f.onUpdate.sql(), null,
                f.deferred ? "DEFERRABLE INITIALLY DEFERRED" : null);
    }

    private static String triggerSql(TriggerBuilder t) {
        StringBuilder sb = new StringBuilder("CREATE TRIGGER ").append(Identifiers.quote(t.name)).append(' ').append(t.timing)
                .append(' ').append(t.event);
        if (!t.updateColumns.isEmpty()) {
            sb.append(" OF ").append(t.updateColumns.stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
        }
        sb.append(" ON ").append(Identifiers.quote(t.table)).append("\nFOR EACH ROW");
        if (t.when != null) sb.append(" WHEN ").append(t.when);
        sb.append("\nBEGIN\n");
        t.body.forEach(s -> sb.append("  ").append(s).append(";\n"));
        return sb.append("END").toString();
    }
}
