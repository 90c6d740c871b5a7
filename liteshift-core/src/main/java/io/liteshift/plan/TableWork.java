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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The decision for one altered table (native ALTER TABLE or rebuild) and how its rows map onto the new shape. */
final class TableWork {

    final Change.AlterTable alter;
    final List<String> reasons;
    final boolean rebuild;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Column> backfills = new ArrayList<>();

    private TableWork(Change.AlterTable alter, List<String> reasons) {
        this.alter = alter;
        this.reasons = reasons;
        this.rebuild = !reasons.isEmpty();
        mapValues();
    }

    static TableWork of(Change.AlterTable alter, Capabilities caps) {
        return new TableWork(alter, rebuildReasons(alter, caps));
    }

    TableMapping mapping() {
        return new TableMapping(alter.from(), alter.to(), values, rebuild, reasons, backfills);
    }

    /** Why ALTER TABLE cannot do this change; empty when it can. */
    private static List<String> rebuildReasons(Change.AlterTable alter, Capabilities caps) {
        List<String> reasons = new ArrayList<>();
        List<String> coveredChecks = new ArrayList<>();
        List<String> coveredForeignKeys = new ArrayList<>();
        for (Alteration a : alter.alterations()) {
            if (a instanceof Alteration.AddColumn ac) {
                ColumnClauses written = ac.column().clauses();
                String why = AlterTableLimits.cannotAdd(ac.column());
                if (why != null) reasons.add("add column " + ac.column().name() + " (" + why + ")");
                written.checks().forEach(c -> coveredChecks.add(SqlText.canonicalExpression(c.expression())));
                written.foreignKeys().forEach(f -> coveredForeignKeys.add(withoutName(f)));
            }
        }
        for (Alteration a : alter.alterations()) {
            if (a instanceof Alteration.RenameTable || a instanceof Alteration.RenameColumn || a instanceof Alteration.AddColumn) {
                continue;
            }
            if (a instanceof Alteration.DropColumn dc) {
                String why = AlterTableLimits.cannotDrop(dc.column(), alter.from(), alter.to());
                if (why != null) reasons.add("drop column " + dc.column().name() + " (" + why + ")");
            } else if (a instanceof Alteration.ModifyColumn m) {
                if (!(caps.alterColumnNotNull() && m.onlyNullabilityChanged())) reasons.add(m.describe());
            } else if (a instanceof Alteration.AddCheck c) {
                if (!coveredChecks.contains(SqlText.canonicalExpression(c.check().expression()))) reasons.add(a.describe());
            } else if (a instanceof Alteration.AddForeignKey f) {
                if (!coveredForeignKeys.contains(withoutName(f.foreignKey()))) reasons.add(a.describe());
            } else {
                reasons.add(a.describe());
            }
        }
        return reasons;
    }

    private static String withoutName(ForeignKey f) {
        return new ForeignKey(null, f.columns(), f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate(), f.match(),
                f.deferrable()).toString();
    }

    /** Fills {@link #values}: which expression over the current rows gives each declared stored column. */
    private void mapValues() {
        Table old = alter.from();
        Map<String, String> renamedFrom = new LinkedHashMap<>();
        for (Alteration a : alter.alterations()) {
            if (a instanceof Alteration.RenameColumn r) renamedFrom.put(Identifiers.fold(r.to()), r.from());
        }
        for (Column c : alter.to().columns()) {
            if (c.isGenerated()) continue;
            String src = renamedFrom.getOrDefault(Identifiers.fold(c.name()), c.name());
            Column was = old.column(src).orElse(null);
            String key = Identifiers.fold(c.name());
            if (was == null) {
                boolean aliasOfRowid = alter.to().rowidAlias().filter(r -> Identifiers.same(r.name(), c.name())).isPresent();
                if (aliasOfRowid && !old.withoutRowid()) values.put(key, rowidName(old));
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

    boolean keepsRowid() {
        return !alter.from().withoutRowid() && !alter.to().withoutRowid();
    }

    String backfillNote() {
        if (backfills.isEmpty()) return "";
        return ", filling NULLs of " + backfills.stream().map(c -> c.name() + " with its DEFAULT " + c.defaultValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * INSERT ... SELECT that copies every row into the new table, or null when no value survives (a WITHOUT ROWID
     * table whose every column is new). Renames were already done natively, so the
     * expressions are read with the declared column names.
     */
    String copySql(String newTable, String oldTable) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Alteration a : alter.alterations()) {
            if (a instanceof Alteration.RenameColumn r) renamed.put(Identifiers.fold(r.from()), r.to());
        }
        List<String> into = new ArrayList<>();
        List<String> select = new ArrayList<>();
        boolean aliasCopied = alter.to().rowidAlias().map(a -> values.containsKey(Identifiers.fold(a.name()))).orElse(false);
        if (keepsRowid() && !aliasCopied) {
            into.add(rowidName(alter.to()));
            select.add(rowidName(alter.from()));
        }
        for (Column c : alter.to().columns()) {
            String expr = values.get(Identifiers.fold(c.name()));
            if (expr == null) continue;
            into.add(Identifiers.quote(c.name()));
            select.add(SqlText.renameIdentifiers(expr, renamed));
        }
        if (into.isEmpty()) return null;
        return "INSERT INTO " + newTable + " (" + String.join(", ", into) + ")\n  SELECT " + String.join(", ", select)
                + " FROM " + oldTable;
    }

    /** A name for the rowid that is not shadowed by a column of the table. */
    private static String rowidName(Table t) {
        for (String n : List.of("rowid", "_rowid_", "oid")) if (t.column(n).isEmpty()) return n;
        return "rowid";
    }
}
