package io.liteshift.plan;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.schema.Column;
import io.liteshift.schema.ColumnClauses;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Table;
import io.liteshift.sql.Defaults;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One altered table: whether SQLite's ALTER TABLE can make the change in place ({@link #alterable()}, as Atlas's
 * planner asks), and the steps either way: the ALTER TABLE statements, or the one rebuild recipe (the declared table
 * under a temporary name, every row copied, the old table dropped, the new one renamed; sqlite-utils' transform does
 * the same). Each alteration is looked at once, in the constructor; renames are not steps of this table, because the
 * planner renames every table and column natively before anything else, rebuilt or not.
 */
final class TableWork {

    final Change.AlterTable alter;
    /** Why ALTER TABLE cannot do this in place; empty when it can. Added columns first, as the plan comments say them. */
    final List<String> reasons;
    final List<Alteration.RenameColumn> columnRenames = new ArrayList<>();
    /** Added columns and columns whose NOT NULL changes, in their order: the in-place steps. */
    private final List<Alteration> columnChanges = new ArrayList<>();
    private final List<Column> droppedColumns = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Column> backfills = new ArrayList<>();

    TableWork(Change.AlterTable alter, Capabilities caps) {
        this.alter = alter;
        List<ColumnClauses> added = alter.alterations().stream().filter(Alteration.AddColumn.class::isInstance)
                .map(a -> ((Alteration.AddColumn) a).column().clauses()).toList();
        List<String> adding = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Alteration a : alter.alterations()) {
            if (a instanceof Alteration.RenameTable) {
                continue; // renamed natively by the planner
            } else if (a instanceof Alteration.RenameColumn r) {
                columnRenames.add(r);
            } else if (a instanceof Alteration.AddColumn ac) {
                String why = AlterTableLimits.cannotAdd(ac.column(), alter.from());
                if (why != null) adding.add("add column " + ac.column().name() + " (" + why + ")");
                columnChanges.add(a);
            } else if (a instanceof Alteration.ModifyColumn m) {
                if (!(caps.alterColumnNotNull() && m.onlyNullabilityChanged())) other.add(m.describe());
                columnChanges.add(a);
            } else if (a instanceof Alteration.DropColumn dc) {
                String why = AlterTableLimits.cannotDrop(dc.column(), alter.from(), alter.to());
                if (why != null) other.add("drop column " + dc.column().name() + " (" + why + ")");
                droppedColumns.add(dc.column());
            } else if (a instanceof Alteration.AddCheck c) {
                // a CHECK written on a new column is added with it
                boolean withColumn = added.stream().flatMap(w -> w.checks().stream())
                        .anyMatch(w -> SqlText.canonicalExpression(w.expression()).equals(SqlText.canonicalExpression(c.check().expression())));
                if (!withColumn) other.add(a.describe());
            } else if (a instanceof Alteration.AddForeignKey f) {
                boolean withColumn = added.stream().flatMap(w -> w.foreignKeys().stream())
                        .anyMatch(w -> withoutName(w).equals(withoutName(f.foreignKey())));
                if (!withColumn) other.add(a.describe());
            } else if (a instanceof Alteration.ChangePrimaryKey || a instanceof Alteration.AddUnique || a instanceof Alteration.DropUnique
                    || a instanceof Alteration.DropCheck || a instanceof Alteration.DropForeignKey || a instanceof Alteration.ChangeOptions) {
                other.add(a.describe()); // ALTER TABLE has no statement for these
            } else {
                throw Planner.unplanned(a, a.describe());
            }
        }
        adding.addAll(other);
        this.reasons = List.copyOf(adding);
        mapValues();
    }

    /** ALTER TABLE can make every alteration in place: no rebuild. */
    boolean alterable() {
        return reasons.isEmpty();
    }

    /** Views and triggers that read the table must be dropped before and recreated after: its name or columns change. */
    boolean readersAffected() {
        return !alterable() || alter.renamed() || !columnRenames.isEmpty() || !droppedColumns.isEmpty();
    }

    TableMapping mapping() {
        return new TableMapping(alter.from(), alter.to(), values, !alterable(), reasons, backfills);
    }

    private static String withoutName(ForeignKey f) {
        return new ForeignKey(null, f.columns(), f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate(), f.match(),
                f.deferrable()).toString();
    }

    /** The ALTER TABLE statements of an {@link #alterable()} table, after the renames. */
    List<Step> inPlaceSteps() {
        List<Step> out = new ArrayList<>();
        String table = q(alter.to().name());
        for (Alteration a : columnChanges) {
            if (a instanceof Alteration.AddColumn ac) {
                out.add(Step.of("add column " + table + "." + q(ac.column().name()),
                        "ALTER TABLE " + table + " ADD COLUMN " + SqlText.withoutHints(ac.column().definition()).strip()));
            } else {
                nullability(out, table, ((Alteration.ModifyColumn) a).to());
            }
        }
        // generated columns first: SQLite refuses to drop a column that a generated column still reads
        for (Column c : droppedColumns.stream().sorted(Comparator.comparing(c -> !c.isGenerated())).toList()) {
            out.add(Step.of("drop column " + table + "." + q(c.name()) + " (not in the declared schema)",
                    "ALTER TABLE " + table + " DROP COLUMN " + q(c.name())));
        }
        return out;
    }

    private static void nullability(List<Step> out, String table, Column to) {
        String col = q(to.name());
        String name = table + "." + col;
        if (!to.notNull()) {
            out.add(Step.of(name + " becomes nullable", "ALTER TABLE " + table + " ALTER COLUMN " + col + " DROP NOT NULL"));
            return;
        }
        if (to.defaultValue() != null) {
            out.add(Step.of("fill the NULLs of " + name + " with its DEFAULT before it becomes NOT NULL",
                    "UPDATE " + table + " SET " + col + " = " + Defaults.asExpression(to.defaultValue()) + " WHERE " + col + " IS NULL"));
        }
        out.add(Step.of(name + " becomes NOT NULL", "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET NOT NULL"));
    }

    /**
     * The rebuild (https://sqlite.org/lang_altertable.html#otheralter), after the renames: create the declared table
     * under a temporary name, copy every row (rowids kept), keep the AUTOINCREMENT counter, drop the old table, and
     * give the new one its name. Foreign keys are off, so dropping a parent fires no ON DELETE action.
     */
    List<Step> rebuildSteps() {
        List<Step> out = new ArrayList<>();
        Table target = alter.to();
        String temp = "_liteshift_new_" + target.name();
        String tempQ = Identifiers.forceQuote(temp);
        // renamed natively before the rebuild; otherwise keep the stored spelling (sqlite_sequence matches it exactly)
        String current = alter.renamed() ? target.name() : alter.from().name();
        String oldQ = Identifiers.quote(current);
        out.add(Step.of("rebuild " + q(target.name()) + ": " + String.join("; ", reasons) + "\n1. create the table as declared, under a temporary name",
                Rebuilds.renameCreateTable(SqlText.withoutHints(target.sql()), tempQ)));
        String copy = copySql(tempQ, oldQ);
        if (copy != null) out.add(Step.of("2. copy every row" + (keepsRowid() ? ", keeping rowids" : "") + backfillNote(), copy));
        if (target.autoincrement() && alter.from().autoincrement()) {
            String oldLit = Identifiers.literal(current);
            String tempLit = Identifiers.literal(temp);
            out.add(Step.of("keep the AUTOINCREMENT counter, so ids of deleted rows are never reused",
                    "INSERT INTO sqlite_sequence (name, seq) SELECT " + tempLit + ", seq FROM sqlite_sequence WHERE name = " + oldLit
                            + " AND seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = " + tempLit + ")"));
            out.add(Step.of("", "UPDATE sqlite_sequence SET seq = max(coalesce(seq, 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = "
                    + oldLit + "), 0)) WHERE name = " + tempLit));
        }
        out.add(Step.of("3. drop the old table (foreign keys are off: no ON DELETE action fires)", "DROP TABLE " + oldQ));
        out.add(Step.of("4. give the new table its name", "ALTER TABLE " + tempQ + " RENAME TO " + Identifiers.quote(target.name())));
        return out;
    }

    /** Fills {@link #values}: which expression over the current rows gives each declared stored column. */
    private void mapValues() {
        Table old = alter.from();
        Map<String, String> renamedFrom = new LinkedHashMap<>();
        for (Alteration.RenameColumn r : columnRenames) renamedFrom.put(Identifiers.fold(r.to()), r.from());
        for (Column c : alter.to().columns()) {
            if (c.isGenerated()) continue;
            String src = renamedFrom.getOrDefault(Identifiers.fold(c.name()), c.name());
            Column was = old.column(src).orElse(null);
            String key = Identifiers.fold(c.name());
            if (was == null) {
                boolean aliasOfRowid = alter.to().rowidAlias().filter(r -> Identifiers.same(r.name(), c.name())).isPresent();
                if (aliasOfRowid && !old.withoutRowid()) values.put(key, TableMapping.rowidName(old));
                continue;
            }
            String expr = Identifiers.quote(was.name());
            if (c.notNull() && c.defaultValue() != null && !was.notNull()) {
                expr = "coalesce(" + expr + ", " + Defaults.asExpression(c.defaultValue()) + ")";
                backfills.add(c);
            }
            values.put(key, expr);
        }
    }

    private boolean keepsRowid() {
        return mapping().keepsRowid();
    }

    private String backfillNote() {
        if (backfills.isEmpty()) return "";
        return ", filling NULLs of " + backfills.stream().map(c -> c.name() + " with its DEFAULT " + c.defaultValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * INSERT ... SELECT that copies every row into the new table, or null when no value survives (a WITHOUT ROWID
     * table whose every column is new). Renames were already done natively, so the
     * expressions are read with the declared column names.
     */
    private String copySql(String newTable, String oldTable) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Alteration.RenameColumn r : columnRenames) renamed.put(Identifiers.fold(r.from()), r.to());
        TableMapping.Copy copy = mapping().copy();
        if (copy.isEmpty()) return null;
        List<String> select = copy.select().stream().map(e -> SqlText.renameIdentifiers(e, renamed)).toList();
        return "INSERT INTO " + newTable + " (" + String.join(", ", copy.into()) + ")\n  SELECT " + String.join(", ", select)
                + " FROM " + oldTable;
    }

    private static String q(String name) {
        return Identifiers.quote(name);
    }
}
