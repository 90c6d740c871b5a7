package io.liteshift.plan;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.inspect.RenameRecords;
import io.liteshift.schema.Column;
import io.liteshift.schema.Index;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.View;
import io.liteshift.sql.Defaults;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns changes into SQL steps. A table change uses SQLite's own ALTER TABLE where SQLite allows it and
 * otherwise the documented rebuild (https://sqlite.org/lang_altertable.html#otheralter): create the new table,
 * copy the rows (rowids kept), drop the old table, rename the new one. Views and triggers that read a table
 * being rebuilt, renamed or losing columns are dropped first and recreated last.
 */
public final class Planner {

    private final Schema from;
    private final Schema to;
    private final List<Change> changes;
    private final Capabilities capabilities;

    private final List<Step> steps = new ArrayList<>();
    private final List<TableMapping> mappings = new ArrayList<>();

    private Planner(Schema from, Schema to, List<Change> changes, Capabilities capabilities) {
        this.from = from;
        this.to = to;
        this.changes = changes;
        this.capabilities = capabilities;
    }

    public static Plan plan(Schema from, Schema to, List<Change> changes) {
        return plan(from, to, changes, Capabilities.ofBundledSqlite());
    }

    public static Plan plan(Schema from, Schema to, List<Change> changes, Capabilities capabilities) {
        return new Planner(from, to, changes, capabilities).build();
    }

    private Plan build() {
        for (Change c : changes) {
            if (c instanceof Change.ChangeVirtualTable v) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                        "virtual table " + q(v.to().name()) + " is declared differently than it exists:\n  now:      "
                                + SqlText.oneLine(v.from().sql()) + "\n  declared: " + SqlText.oneLine(v.to().sql())
                                + "\nliteshift never rebuilds a virtual table (its rows live in its shadow tables). Remove it from"
                                + " the schema and push (drops it), then declare it anew and push again, and repopulate it.");
            }
        }
        List<Change.AlterTable> alters = changes.stream().filter(Change.AlterTable.class::isInstance)
                .map(Change.AlterTable.class::cast).toList();
        Map<String, TableWork> work = new LinkedHashMap<>();
        for (Change.AlterTable a : alters) work.put(Identifiers.fold(a.to().name()), TableWork.of(a, capabilities));

        Set<String> affected = affectedTableNames(work);
        List<View> viewsToDrop = dependentViews(affected);
        Set<String> affectedWithViews = new LinkedHashSet<>(affected);
        viewsToDrop.forEach(v -> affectedWithViews.add(Identifiers.fold(v.name())));
        List<Trigger> triggersToDrop = dependentTriggers(affectedWithViews);

        for (Trigger t : triggersToDrop) {
            add("drop trigger " + q(t.name()) + reasonFor(t.name(), "it reads a table that changes; recreated below"),
                    "DROP TRIGGER " + Identifiers.quote(t.name()));
        }
        for (View v : viewsToDrop) {
            add("drop view " + q(v.name()) + reasonFor(v.name(), "it reads a table that changes; recreated below"),
                    "DROP VIEW " + Identifiers.quote(v.name()));
        }
        Set<String> rebuilt = new LinkedHashSet<>();
        work.values().stream().filter(w -> w.rebuild).forEach(w -> rebuilt.add(Identifiers.fold(w.alter.from().name())));
        for (Change c : changes) {
            if (c instanceof Change.DropIndex d && !rebuilt.contains(Identifiers.fold(d.index().table()))
                    && !droppedTable(d.index().table())) {
                add("drop index " + q(d.index().name()) + (changed(d.index().name()) ? " (its definition changed; recreated below)" : ""),
                        "DROP INDEX " + Identifiers.quote(d.index().name()));
            }
        }
        for (Change c : changes) {
            if (c instanceof Change.DropTable d) {
                add("drop table " + q(d.table().name()) + " (not in the declared schema)", "DROP TABLE " + Identifiers.quote(d.table().name()));
            } else if (c instanceof Change.DropVirtualTable d) {
                add("drop virtual table " + q(d.table().name()) + " (not in the declared schema)",
                        "DROP TABLE " + Identifiers.quote(d.table().name()));
            }
        }
        // Renames go first and natively, rebuilt tables included: SQLite then carries them into the foreign keys of
        // other tables, which a rebuild alone would leave pointing at the old names.
        renames(work.values());
        List<Table> created = changes.stream().filter(Change.CreateTable.class::isInstance)
                .map(c -> ((Change.CreateTable) c).table()).toList();
        for (Table t : Dependencies.parentsFirst(created)) {
            add("create table " + q(t.name()), SqlText.withoutHints(t.sql()));
        }
        for (Change c : changes) {
            if (c instanceof Change.CreateVirtualTable v) add("create virtual table " + q(v.table().name()), v.table().sql());
        }
        List<TableWork> rebuilds = work.values().stream().filter(w -> w.rebuild).toList();
        Map<String, TableWork> byName = new LinkedHashMap<>();
        rebuilds.forEach(w -> byName.put(Identifiers.fold(w.alter.to().name()), w));
        for (Table t : Dependencies.parentsFirst(rebuilds.stream().map(w -> w.alter.to()).toList())) {
            rebuild(byName.get(Identifiers.fold(t.name())));
        }
        for (TableWork w : work.values()) if (!w.rebuild) columnSteps(w);
        for (TableWork w : work.values()) mappings.add(w.mapping());

        Set<String> createdIndexes = new LinkedHashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.CreateIndex ci) createdIndexes.add(Identifiers.fold(ci.index().name()));
        }
        for (Index i : to.indexes()) {
            boolean onRebuilt = rebuilds.stream().anyMatch(w -> Identifiers.same(w.alter.to().name(), i.table()));
            if (createdIndexes.contains(Identifiers.fold(i.name())) || onRebuilt) {
                add("create index " + q(i.name()) + (onRebuilt && !createdIndexes.contains(Identifiers.fold(i.name()))
                        ? " (dropped with the old " + q(i.table()) + ")" : ""), SqlText.withoutHints(i.sql()));
            }
        }
        Set<String> viewNames = names(viewsToDrop.stream().map(View::name).toList());
        for (Change c : changes) if (c instanceof Change.CreateView cv) viewNames.add(Identifiers.fold(cv.view().name()));
        for (View v : to.views()) {
            if (viewNames.contains(Identifiers.fold(v.name()))) add("create view " + q(v.name()), v.sql());
        }
        Set<String> triggerNames = names(triggersToDrop.stream().map(Trigger::name).toList());
        for (Change c : changes) if (c instanceof Change.CreateTrigger ct) triggerNames.add(Identifiers.fold(ct.trigger().name()));
        for (TableWork w : rebuilds) from.triggersOf(w.alter.from().name()).forEach(t -> triggerNames.add(Identifiers.fold(t.name())));
        for (Trigger t : to.triggers()) {
            if (triggerNames.contains(Identifiers.fold(t.name()))) add("create trigger " + q(t.name()), t.sql());
        }
        return new Plan(changes, steps, mappings);
    }

    private String reasonFor(String name, String dependentReason) {
        boolean changedOrGone = changes.stream().anyMatch(c -> c instanceof Change.DropView d && Identifiers.same(d.view().name(), name)
                || c instanceof Change.DropTrigger d2 && Identifiers.same(d2.trigger().name(), name));
        if (!changedOrGone) return " (" + dependentReason + ")";
        boolean recreated = to.views().stream().anyMatch(v -> Identifiers.same(v.name(), name))
                || to.triggers().stream().anyMatch(t -> Identifiers.same(t.name(), name));
        return recreated ? " (its definition changed; recreated below)" : " (not in the declared schema)";
    }

    private boolean changed(String indexName) {
        return changes.stream().anyMatch(c -> c instanceof Change.CreateIndex ci && Identifiers.same(ci.index().name(), indexName));
    }

    private boolean droppedTable(String name) {
        return changes.stream().anyMatch(c -> c instanceof Change.DropTable d && Identifiers.same(d.table().name(), name));
    }

    /** Old names of every table whose readers must be dropped before the change and recreated after it. */
    private Set<String> affectedTableNames(Map<String, TableWork> work) {
        Set<String> out = new LinkedHashSet<>();
        for (TableWork w : work.values()) {
            if (w.rebuild || w.alter.renamed() || w.alter.alterations().stream().anyMatch(
                    a -> a instanceof Alteration.RenameColumn || a instanceof Alteration.DropColumn)) {
                out.add(Identifiers.fold(w.alter.from().name()));
            }
        }
        for (Change c : changes) {
            if (c instanceof Change.DropTable d) out.add(Identifiers.fold(d.table().name()));
            if (c instanceof Change.DropVirtualTable d) out.add(Identifiers.fold(d.table().name()));
        }
        return out;
    }

    /** Views to drop: changed or removed ones, and (transitively) every view that reads an affected name. */
    private List<View> dependentViews(Set<String> affected) {
        Set<String> names = new LinkedHashSet<>(affected);
        for (Change c : changes) if (c instanceof Change.DropView d) names.add(Identifiers.fold(d.view().name()));
        List<View> out = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : from.views()) {
                if (out.contains(v)) continue;
                if (names.contains(Identifiers.fold(v.name())) || SqlText.mentions(v.sql(), names)) {
                    out.add(v);
                    names.add(Identifiers.fold(v.name()));
                    grew = true;
                }
            }
        }
        return out;
    }

    private List<Trigger> dependentTriggers(Set<String> affected) {
        Set<String> dropped = new LinkedHashSet<>();
        for (Change c : changes) if (c instanceof Change.DropTrigger d) dropped.add(Identifiers.fold(d.trigger().name()));
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : from.triggers()) {
            if (dropped.contains(Identifiers.fold(t.name())) || affected.contains(Identifiers.fold(t.table()))
                    || SqlText.mentions(t.sql(), affected)) {
                out.add(t);
            }
        }
        return out;
    }

    private static Set<String> names(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(Identifiers.fold(n)));
        return out;
    }

    private void renames(java.util.Collection<TableWork> works) {
        List<Moves.Move> tables = new ArrayList<>();
        for (TableWork w : works) if (w.alter.renamed()) tables.add(new Moves.Move(w.alter.from().name(), w.alter.to().name()));
        for (Moves.Move m : Moves.ordered(tables, "_liteshift_renaming_")) {
            add("rename table " + q(m.from()) + " to " + q(m.to()) + " (declared with @renamed; references follow)",
                    "ALTER TABLE " + q(m.from()) + " RENAME TO " + q(m.to()));
        }
        for (TableWork w : works) {
            List<Moves.Move> columns = new ArrayList<>();
            for (Alteration al : w.alter.alterations()) {
                if (al instanceof Alteration.RenameColumn r) columns.add(new Moves.Move(r.from(), r.to()));
            }
            String table = q(w.alter.to().name());
            for (Moves.Move m : Moves.ordered(columns, "_liteshift_renaming_")) {
                add("rename column " + table + "." + q(m.from()) + " to " + q(m.to()) + " (declared with @renamed)",
                        "ALTER TABLE " + table + " RENAME COLUMN " + q(m.from()) + " TO " + q(m.to()));
            }
        }
        recordSwaps(works, tables);
    }

    /**
     * A rename onto a name that exists (a swap) cannot be told from a stale hint by looking at the schema, so it is
     * recorded; the next push reads the record and does not swap back.
     */
    private void recordSwaps(java.util.Collection<TableWork> works, List<Moves.Move> tables) {
        List<String> rows = new ArrayList<>();
        for (Moves.Move m : tables) {
            if (from.table(m.to()).isPresent()) rows.add(RenameRecords.row("table", m.to(), m.from(), m.to()));
        }
        for (TableWork w : works) {
            for (Alteration al : w.alter.alterations()) {
                if (al instanceof Alteration.RenameColumn r && w.alter.from().column(r.to()).isPresent()) {
                    rows.add(RenameRecords.row("column", w.alter.to().name(), r.from(), r.to()));
                }
            }
        }
        if (rows.isEmpty()) return;
        add("remember the swapped names, so that pushing the same hints again changes nothing", RenameRecords.CREATE);
        add("", "INSERT INTO " + RenameRecords.TABLE + " (kind, table_name, old_name, new_name) VALUES " + String.join(", ", rows));
    }

    private void columnSteps(TableWork w) {
        String table = Identifiers.quote(w.alter.to().name());
        for (Alteration al : w.alter.alterations()) {
            if (al instanceof Alteration.AddColumn ac) {
                add("add column " + q(w.alter.to().name()) + "." + q(ac.column().name()),
                        "ALTER TABLE " + table + " ADD COLUMN " + SqlText.withoutHints(ac.column().definition()).strip());
            } else if (al instanceof Alteration.ModifyColumn m) {
                nullability(w, table, m);
            }
        }
        // generated columns first: SQLite refuses to drop a column that a generated column still reads
        List<Alteration.DropColumn> drops = new ArrayList<>();
        for (Alteration al : w.alter.alterations()) if (al instanceof Alteration.DropColumn dc) drops.add(dc);
        drops.sort(java.util.Comparator.comparing(dc -> !dc.column().isGenerated()));
        for (Alteration al : drops) {
            if (al instanceof Alteration.DropColumn dc) {
                add("drop column " + q(w.alter.to().name()) + "." + q(dc.column().name()) + " (not in the declared schema)",
                        "ALTER TABLE " + table + " DROP COLUMN " + Identifiers.quote(dc.column().name()));
            }
        }
    }

    private void nullability(TableWork w, String table, Alteration.ModifyColumn m) {
        String col = Identifiers.quote(m.to().name());
        String name = q(w.alter.to().name()) + "." + q(m.to().name());
        if (!m.to().notNull()) {
            add(name + " becomes nullable", "ALTER TABLE " + table + " ALTER COLUMN " + col + " DROP NOT NULL");
            return;
        }
        if (m.to().defaultValue() != null) {
            add("fill the NULLs of " + name + " with its DEFAULT before it becomes NOT NULL",
                    "UPDATE " + table + " SET " + col + " = " + Defaults.asExpression(m.to().defaultValue()) + " WHERE " + col + " IS NULL");
        }
        add(name + " becomes NOT NULL", "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET NOT NULL");
    }

    private void rebuild(TableWork w) {
        Table target = w.alter.to();
        String temp = "_liteshift_new_" + target.name();
        String tempQ = Identifiers.forceQuote(temp);
        // renamed natively before the rebuild; otherwise keep the stored spelling (sqlite_sequence matches it exactly)
        String current = w.alter.renamed() ? target.name() : w.alter.from().name();
        String oldQ = Identifiers.quote(current);
        add("rebuild " + q(target.name()) + ": " + String.join("; ", w.reasons) + "\n1. create the table as declared, under a temporary name",
                Rebuilds.renameCreateTable(SqlText.withoutHints(target.sql()), tempQ));
        String copy = w.copySql(tempQ, oldQ);
        if (copy != null) add("2. copy every row" + (w.keepsRowid() ? ", keeping rowids" : "") + w.backfillNote(), copy);
        if (target.autoincrement() && w.alter.from().autoincrement()) {
            String oldLit = Identifiers.literal(current);
            String tempLit = Identifiers.literal(temp);
            add("keep the AUTOINCREMENT counter, so ids of deleted rows are never reused",
                    "INSERT INTO sqlite_sequence (name, seq) SELECT " + tempLit + ", seq FROM sqlite_sequence WHERE name = " + oldLit
                            + " AND seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = " + tempLit + ")");
            add("", "UPDATE sqlite_sequence SET seq = max(coalesce(seq, 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = "
                    + oldLit + "), 0)) WHERE name = " + tempLit);
        }
        add("3. drop the old table (foreign keys are off: no ON DELETE action fires)", "DROP TABLE " + oldQ);
        add("4. give the new table its name", "ALTER TABLE " + tempQ + " RENAME TO " + Identifiers.quote(target.name()));
    }

    private static String q(String name) {
        return Identifiers.quote(name);
    }

    private void add(String comment, String sql) {
        steps.add(new Step(comment, SqlText.trimmed(sql)));
    }
}
