package io.liteshift.plan;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.schema.Index;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.View;
import io.liteshift.schema.VirtualTable;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.Collection;
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
 * <p>
 * Each change is looked at once, in {@link #sort}, which files it under the phase of the plan it belongs to and
 * fails for a kind it does not know; the phases then run in this order: drop the triggers and views that read
 * what changes, drop indexes, drop tables, rename tables and columns natively, create tables (parents first),
 * create virtual tables, rebuild tables (parents first), alter the others in place, then create indexes, views and
 * triggers, the recreated ones included.
 */
public final class Planner {

    private final Schema from;
    private final Schema to;
    private final List<Change> changes;
    private final Capabilities capabilities;
    private final SwapLog swapLog;

    /** Altered tables by their declared (folded) name. */
    private final Map<String, TableWork> altered = new LinkedHashMap<>();
    private final List<Table> createdTables = new ArrayList<>();
    private final List<VirtualTable> createdVirtualTables = new ArrayList<>();
    /** Dropped tables and virtual tables, in the order of the changes. */
    private final List<Dropped> droppedTables = new ArrayList<>();
    private final List<Index> droppedIndexes = new ArrayList<>();
    /** Folded names of what is created or dropped (a changed index, view or trigger is both). */
    private final Set<String> createdIndexes = new LinkedHashSet<>();
    private final Set<String> createdViews = new LinkedHashSet<>();
    private final Set<String> droppedViews = new LinkedHashSet<>();
    private final Set<String> createdTriggers = new LinkedHashSet<>();
    private final Set<String> droppedTriggers = new LinkedHashSet<>();

    private final List<Step> steps = new ArrayList<>();

    /** A table or virtual table that is not declared any more. */
    private record Dropped(String name, boolean virtual) {
        String what() {
            return virtual ? "virtual table" : "table";
        }
    }

    private Planner(Schema from, Schema to, List<Change> changes, Capabilities capabilities, SwapLog swapLog) {
        this.from = from;
        this.to = to;
        this.changes = changes;
        this.capabilities = capabilities;
        this.swapLog = swapLog;
    }

    /** The plan for the bundled SQLite, recording no swaps ({@link SwapLog#NONE}); {@link Pipeline} plans what runs. */
    public static Plan plan(Schema from, Schema to, List<Change> changes) {
        return plan(from, to, changes, Capabilities.ofBundledSqlite(), SwapLog.NONE);
    }

    public static Plan plan(Schema from, Schema to, List<Change> changes, Capabilities capabilities, SwapLog swapLog) {
        return new Planner(from, to, changes, capabilities, swapLog).build();
    }

    /**
     * The one place a change's kind is looked at. A kind that is not handled here (a new one added to {@link Change})
     * fails the planning, before anything runs, rather than being left out of the plan.
     */
    private void sort(Change c) {
        if (c instanceof Change.AlterTable a) {
            altered.put(Identifiers.fold(a.to().name()), new TableWork(a, capabilities));
        } else if (c instanceof Change.CreateTable t) {
            createdTables.add(t.table());
        } else if (c instanceof Change.DropTable d) {
            droppedTables.add(new Dropped(d.table().name(), false));
        } else if (c instanceof Change.CreateIndex i) {
            createdIndexes.add(Identifiers.fold(i.index().name()));
        } else if (c instanceof Change.DropIndex d) {
            droppedIndexes.add(d.index());
        } else if (c instanceof Change.CreateView v) {
            createdViews.add(Identifiers.fold(v.view().name()));
        } else if (c instanceof Change.DropView d) {
            droppedViews.add(Identifiers.fold(d.view().name()));
        } else if (c instanceof Change.CreateTrigger t) {
            createdTriggers.add(Identifiers.fold(t.trigger().name()));
        } else if (c instanceof Change.DropTrigger d) {
            droppedTriggers.add(Identifiers.fold(d.trigger().name()));
        } else if (c instanceof Change.CreateVirtualTable v) {
            createdVirtualTables.add(v.table());
        } else if (c instanceof Change.DropVirtualTable d) {
            droppedTables.add(new Dropped(d.table().name(), true));
        } else if (c instanceof Change.ChangeVirtualTable v) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "virtual table " + q(v.to().name()) + " is declared differently than it exists:\n  now:      "
                            + SqlText.oneLine(v.from().sql()) + "\n  declared: " + SqlText.oneLine(v.to().sql())
                            + "\nliteshift never rebuilds a virtual table (its rows live in its shadow tables). Remove it from"
                            + " the schema and push (drops it), then declare it anew and push again, and repopulate it.");
        } else {
            throw unplanned(c, c.describe());
        }
    }

    /** A kind of change (or alteration) the planner has no step for: a liteshift bug, said before anything runs. */
    static LiteShiftException unplanned(Object kind, String what) {
        Class<?> type = kind.getClass();
        String name = (type.getEnclosingClass() == null ? "" : type.getEnclosingClass().getSimpleName() + ".") + type.getSimpleName();
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "the planner has no step for a change of kind " + name
                + " (" + what + "). This is a liteshift bug; nothing was changed. Please report it with the schema.");
    }

    private Plan build() {
        changes.forEach(this::sort);
        List<TableWork> rebuilds = altered.values().stream().filter(w -> !w.alterable()).toList();

        Set<String> affected = affectedTableNames();
        List<View> viewsToDrop = dependentViews(affected);
        Set<String> affectedWithViews = new LinkedHashSet<>(affected);
        viewsToDrop.forEach(v -> affectedWithViews.add(Identifiers.fold(v.name())));
        List<Trigger> triggersToDrop = dependentTriggers(affectedWithViews);

        for (Trigger t : triggersToDrop) {
            add("drop trigger " + q(t.name()) + reasonFor(t.name()), "DROP TRIGGER " + q(t.name()));
        }
        for (View v : viewsToDrop) {
            add("drop view " + q(v.name()) + reasonFor(v.name()), "DROP VIEW " + q(v.name()));
        }
        // an index of a rebuilt or dropped table goes with its table
        Set<String> goneWithTable = new LinkedHashSet<>();
        rebuilds.forEach(w -> goneWithTable.add(Identifiers.fold(w.alter.from().name())));
        droppedTables.stream().filter(d -> !d.virtual).forEach(d -> goneWithTable.add(Identifiers.fold(d.name)));
        for (Index i : droppedIndexes) {
            if (goneWithTable.contains(Identifiers.fold(i.table()))) continue;
            add("drop index " + q(i.name()) + (createdIndexes.contains(Identifiers.fold(i.name()))
                    ? " (its definition changed; recreated below)" : ""), "DROP INDEX " + q(i.name()));
        }
        for (Dropped d : droppedTables) {
            add("drop " + d.what() + " " + q(d.name) + " (not in the declared schema)", "DROP TABLE " + q(d.name));
        }
        // Renames go first and natively, rebuilt tables included: SQLite then carries them into the foreign keys of
        // other tables, which a rebuild alone would leave pointing at the old names.
        renames(altered.values());
        for (Table t : Dependencies.parentsFirst(createdTables)) {
            add("create table " + q(t.name()), SqlText.withoutHints(t.sql()));
        }
        for (VirtualTable v : createdVirtualTables) add("create virtual table " + q(v.name()), v.sql());
        Map<String, TableWork> rebuildsByName = new LinkedHashMap<>();
        rebuilds.forEach(w -> rebuildsByName.put(Identifiers.fold(w.alter.to().name()), w));
        for (Table t : Dependencies.parentsFirst(rebuilds.stream().map(w -> w.alter.to()).toList())) {
            steps.addAll(rebuildsByName.get(Identifiers.fold(t.name())).rebuildSteps());
        }
        for (TableWork w : altered.values()) if (w.alterable()) steps.addAll(w.inPlaceSteps());

        for (Index i : to.indexes()) {
            boolean onRebuilt = rebuildsByName.containsKey(Identifiers.fold(i.table()));
            boolean created = createdIndexes.contains(Identifiers.fold(i.name()));
            if (created || onRebuilt) {
                add("create index " + q(i.name()) + (created ? "" : " (dropped with the old " + q(i.table()) + ")"),
                        SqlText.withoutHints(i.sql()));
            }
        }
        Set<String> viewNames = names(viewsToDrop.stream().map(View::name).toList());
        viewNames.addAll(createdViews);
        for (View v : to.views()) {
            if (viewNames.contains(Identifiers.fold(v.name()))) add("create view " + q(v.name()), v.sql());
        }
        Set<String> triggerNames = names(triggersToDrop.stream().map(Trigger::name).toList());
        triggerNames.addAll(createdTriggers);
        for (TableWork w : rebuilds) from.triggersOf(w.alter.from().name()).forEach(t -> triggerNames.add(Identifiers.fold(t.name())));
        for (Trigger t : to.triggers()) {
            if (triggerNames.contains(Identifiers.fold(t.name()))) add("create trigger " + q(t.name()), t.sql());
        }
        return new Plan(changes, steps, altered.values().stream().map(TableWork::mapping).toList());
    }

    /** Why a view or trigger that reads a changed table is dropped. */
    private String reasonFor(String name) {
        boolean changedOrGone = droppedViews.contains(Identifiers.fold(name)) || droppedTriggers.contains(Identifiers.fold(name));
        if (!changedOrGone) return " (it reads a table that changes; recreated below)";
        boolean recreated = to.views().stream().anyMatch(v -> Identifiers.same(v.name(), name))
                || to.triggers().stream().anyMatch(t -> Identifiers.same(t.name(), name));
        return recreated ? " (its definition changed; recreated below)" : " (not in the declared schema)";
    }

    /** Old names of every table whose readers must be dropped before the change and recreated after it. */
    private Set<String> affectedTableNames() {
        Set<String> out = new LinkedHashSet<>();
        for (TableWork w : altered.values()) if (w.readersAffected()) out.add(Identifiers.fold(w.alter.from().name()));
        for (Dropped d : droppedTables) out.add(Identifiers.fold(d.name));
        return out;
    }

    /** Views to drop: changed or removed ones, and (transitively) every view that reads an affected name. */
    private List<View> dependentViews(Set<String> affected) {
        Set<String> names = new LinkedHashSet<>(affected);
        names.addAll(droppedViews);
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
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : from.triggers()) {
            if (droppedTriggers.contains(Identifiers.fold(t.name())) || affected.contains(Identifiers.fold(t.table()))
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

    private void renames(Collection<TableWork> works) {
        List<Moves.Move> tables = new ArrayList<>();
        for (TableWork w : works) if (w.alter.renamed()) tables.add(new Moves.Move(w.alter.from().name(), w.alter.to().name()));
        for (Moves.Move m : Moves.ordered(tables, "_liteshift_renaming_")) {
            add("rename table " + q(m.from()) + " to " + q(m.to()) + " (declared with @renamed; references follow)",
                    "ALTER TABLE " + q(m.from()) + " RENAME TO " + q(m.to()));
        }
        for (TableWork w : works) {
            List<Moves.Move> columns = new ArrayList<>();
            for (Alteration.RenameColumn r : w.columnRenames) columns.add(new Moves.Move(r.from(), r.to()));
            String table = q(w.alter.to().name());
            for (Moves.Move m : Moves.ordered(columns, "_liteshift_renaming_")) {
                add("rename column " + table + "." + q(m.from()) + " to " + q(m.to()) + " (declared with @renamed)",
                        "ALTER TABLE " + table + " RENAME COLUMN " + q(m.from()) + " TO " + q(m.to()));
            }
        }
        recordSwaps(works, tables);
    }

    /** The swaps among the renames, recorded through {@link #swapLog} so that the next push does not swap back. */
    private void recordSwaps(Collection<TableWork> works, List<Moves.Move> tables) {
        List<SwapLog.Swap> swaps = new ArrayList<>();
        for (Moves.Move m : tables) {
            if (from.table(m.to()).isPresent()) swaps.add(new SwapLog.Swap(SwapLog.Kind.TABLE, m.to(), m.from(), m.to()));
        }
        for (TableWork w : works) {
            for (Alteration.RenameColumn r : w.columnRenames) {
                if (w.alter.from().column(r.to()).isPresent()) {
                    swaps.add(new SwapLog.Swap(SwapLog.Kind.COLUMN, w.alter.to().name(), r.from(), r.to()));
                }
            }
        }
        if (swaps.isEmpty()) return;
        List<String> statements = swapLog.statements(swaps);
        for (int i = 0; i < statements.size(); i++) {
            add(i == 0 ? "remember the swapped names, so that pushing the same hints again changes nothing" : "", statements.get(i));
        }
    }

    private static String q(String name) {
        return Identifiers.quote(name);
    }

    private void add(String comment, String sql) {
        steps.add(Step.of(comment, sql));
    }
}
