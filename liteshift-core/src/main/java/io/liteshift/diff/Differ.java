package io.liteshift.diff;

import io.liteshift.hints.RenameHints;
import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ForeignKey;
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
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Compares the current schema with the declared one. Renames come only from hints; everything else is
 * matched by name the way SQLite compares names.
 */
public final class Differ {

    private final Schema from;
    private final Schema to;
    /** folded new table name -> old table name, for renames that apply to {@code from}. */
    private final Map<String, String> tableRenames = new HashMap<>();
    /** folded new table name -> (folded new column -> old column name). */
    private final Map<String, Map<String, String>> columnRenames = new HashMap<>();

    /** folded name -> current table; lookups stay O(1) so diffing a thousand tables stays linear. */
    private final Map<String, Table> fromByName = new HashMap<>();
    /** folded current name -> the declared tables that take it over (filled once renames are known). */
    private final Map<String, List<Table>> declaredBySource = new HashMap<>();
    private final Set<String> renamedAwayNames = new HashSet<>();
    /** Hints that cannot apply and do not look already applied, said to the user rather than dropped silently. */
    private final List<String> unusableHints = new ArrayList<>();

    private Differ(Schema from, Schema to) {
        this.from = from;
        this.to = to;
        for (Table t : from.tables()) fromByName.putIfAbsent(Identifiers.fold(t.name()), t);
    }

    /**
     * Compares {@code from} with {@code to} once: the changes, and the hints that neither apply nor look applied
     * already ({@link Diff#unusableHints}). A schema with no tables at all (a new database, an empty history) has
     * nothing to rename, so no hint is unusable there.
     */
    public static Diff compare(Schema from, Schema to, RenameHints hints) {
        Differ d = new Differ(from, to);
        d.resolveRenames(hints);
        d.indexSources();
        return new Diff(d.changes(), from.tables().isEmpty() ? List.of() : d.unusableHints);
    }

    /** The changes alone, for a comparison whose hints need no checking (or that has none). */
    public static List<Change> diff(Schema from, Schema to, RenameHints hints) {
        return compare(from, to, hints).changes();
    }

    public static List<Change> diff(Schema from, Schema to) {
        return diff(from, to, RenameHints.NONE);
    }

    /**
     * Keeps the hints that still apply: the old name exists now, and the new name is free or is itself being
     * renamed away (a swap). A hint whose new name exists and is not vacated was applied before and is stale.
     */
    private void resolveRenames(RenameHints hints) {
        Map<String, String> declaredTables = new HashMap<>();
        for (Table t : to.tables()) hints.tableRenamedFrom(t.name()).ifPresent(old -> declaredTables.put(Identifiers.fold(t.name()), old));
        declaredTables.forEach((now, old) -> {
            boolean vacated = declaredTables.values().stream().anyMatch(o -> Identifiers.fold(o).equals(now) && current(o).isPresent());
            if (current(old).isPresent() && (current(now).isEmpty() || vacated)) tableRenames.put(now, old);
            else if (current(old).isPresent() == current(now).isPresent() && !reusedOldName(current(old).isPresent(), to.table(old))) {
                unusable(hints.origin(RenameHints.Subject.table(now)).orElse(null), "table " + declaredName(now),
                        declaredName(now), old, "table", current(old).isPresent());
            }
        });
        tableRenames.values().forEach(o -> renamedAwayNames.add(Identifiers.fold(o)));
        for (Table t : to.tables()) {
            Map<String, String> declaredColumns = new HashMap<>();
            for (Column c : t.columns()) {
                hints.columnRenamedFrom(t.name(), c.name()).ifPresent(old -> declaredColumns.put(Identifiers.fold(c.name()), old));
            }
            Optional<Table> source = source(t);
            if (source.isEmpty()) {
                declaredColumns.forEach((now, old) -> unusableHints.add(RenameHints.unusable(origin(hints, t, now),
                        "column " + t.name() + "." + columnName(t, now), old, "table " + t.name() + " is new here (it is created,"
                                + " not renamed from a table that exists), so it has no column " + old + " to rename. Add the table's"
                                + " own rename hint if it was renamed, or delete the column's hint")));
                continue;
            }
            declaredColumns.forEach((now, old) -> {
                boolean vacated = declaredColumns.values().stream()
                        .anyMatch(o -> Identifiers.fold(o).equals(now) && source.get().column(o).isPresent());
                boolean oldThere = source.get().column(old).isPresent();
                boolean newThere = source.get().column(now).isPresent();
                if (oldThere && (!newThere || vacated)) {
                    columnRenames.computeIfAbsent(Identifiers.fold(t.name()), k -> new HashMap<>()).put(now, old);
                } else if (oldThere == newThere && !reusedOldName(oldThere, t.column(old))) {
                    unusable(origin(hints, t, now), "column " + t.name() + "." + columnName(t, now), columnName(t, now), old,
                            "column", oldThere);
                }
            });
        }
    }

    /**
     * Both names exist, and the declared schema declares the old one again: the state an applied rename leaves when
     * a new object took the old name (users renamed to accounts, then a new users), so the hint is taken as applied.
     */
    private static boolean reusedOldName(boolean bothExist, Optional<?> declaredUnderOldName) {
        return bothExist && declaredUnderOldName.isPresent();
    }

    private static RenameHints.Origin origin(RenameHints hints, Table t, String column) {
        return hints.origin(RenameHints.Subject.column(t.name(), column)).orElse(null);
    }

    private static String columnName(Table t, String folded) {
        return t.column(folded).map(Column::name).orElse(folded);
    }

    private void unusable(RenameHints.Origin origin, String what, String newName, String old, String kind, boolean bothExist) {
        unusableHints.add(RenameHints.unusable(origin, what, old, bothExist
                ? "both " + old + " and " + newName + " exist already, so it is neither pending nor applied. To replace the"
                  + " existing " + newName + ", drop it in one change and rename in the next"
                : "there is no " + kind + " " + old + " (nor " + newName + ") to rename. Check the old name, or delete the hint"));
    }

    private String declaredName(String folded) {
        return to.table(folded).map(Table::name).orElse(folded);
    }

    private Optional<Table> current(String name) {
        return Optional.ofNullable(fromByName.get(Identifiers.fold(name)));
    }

    private Optional<Table> source(Table declared) {
        String old = tableRenames.get(Identifiers.fold(declared.name()));
        if (old != null) return current(old);
        // a table renamed away leaves its old name free for a new table
        return renamedAwayNames.contains(Identifiers.fold(declared.name())) ? Optional.empty() : current(declared.name());
    }

    private void indexSources() {
        for (Table t : to.tables()) {
            source(t).ifPresent(src -> declaredBySource.computeIfAbsent(Identifiers.fold(src.name()), k -> new ArrayList<>()).add(t));
        }
    }

    private List<Change> changes() {
        List<Change> out = new ArrayList<>();
        Set<String> matchedOld = new HashSet<>();
        for (Table t : to.tables()) {
            Optional<Table> source = source(t);
            if (source.isEmpty()) {
                out.add(new Change.CreateTable(t));
                continue;
            }
            matchedOld.add(Identifiers.fold(source.get().name()));
            if (source.get() == t) continue; // one inspected table in both schemas (a replay reuses them): nothing differs
            List<Alteration> alterations = compare(source.get(), t);
            if (!alterations.isEmpty()) out.add(new Change.AlterTable(source.get(), t, alterations));
        }
        for (Table t : from.tables()) {
            if (!matchedOld.contains(Identifiers.fold(t.name()))) out.add(new Change.DropTable(t));
        }
        diffNamed(from.virtualTables(), to.virtualTables(), VirtualTable::name, VirtualTable::sql, VirtualTable::sql, out,
                Change.CreateVirtualTable::new, Change.DropVirtualTable::new, Change.ChangeVirtualTable::new);
        diffNamed(from.indexes(), to.indexes(), Index::name, this::renamedIndexSql, Index::sql, out,
                Change.CreateIndex::new, Change.DropIndex::new, (a, b) -> null);
        diffNamed(from.views(), to.views(), View::name, View::sql, View::sql, out,
                Change.CreateView::new, Change.DropView::new, (a, b) -> null);
        diffNamed(from.triggers(), to.triggers(), Trigger::name, Trigger::sql, Trigger::sql, out,
                Change.CreateTrigger::new, Change.DropTrigger::new, (a, b) -> null);
        return out;
    }

    /** An index's definition with the renames applied, so an index carried along by a rename compares equal. */
    private String renamedIndexSql(Index i) {
        for (Table t : declaredBySource.getOrDefault(Identifiers.fold(i.table()), List.of())) {
            Map<String, String> renames = new HashMap<>();
            if (!Identifiers.same(t.name(), i.table())) renames.put(Identifiers.fold(i.table()), t.name());
            columnRenames.getOrDefault(Identifiers.fold(t.name()), Map.of()).forEach((n, o) -> renames.put(Identifiers.fold(o), n));
            return SqlText.renameIdentifiers(i.sql(), renames); // no renames: the text as it is
        }
        return i.sql();
    }

    private <T> void diffNamed(List<T> old, List<T> now, Function<T, String> name, Function<T, String> oldSql,
                               Function<T, String> newSql,
                               List<Change> out, Function<T, Change> create, Function<T, Change> drop,
                               BiFunction<T, T, Change> replace) {
        Map<String, T> oldByName = new LinkedHashMap<>();
        old.forEach(o -> oldByName.put(Identifiers.fold(name.apply(o)), o));
        List<Change> drops = new ArrayList<>();
        List<Change> creates = new ArrayList<>();
        for (T n : now) {
            T o = oldByName.remove(Identifiers.fold(name.apply(n)));
            if (o == null) {
                creates.add(create.apply(n));
            } else if (!sameSql(oldSql.apply(o), newSql.apply(n))) {
                Change r = replace.apply(o, n);
                if (r != null) {
                    creates.add(r);
                } else {
                    drops.add(drop.apply(o));
                    creates.add(create.apply(n));
                }
            }
        }
        oldByName.values().forEach(o -> drops.add(drop.apply(o)));
        out.addAll(drops);
        out.addAll(creates);
    }

    /** Equal texts need no tokenizing; different texts may still say the same (case, spacing, quotes). */
    private static boolean sameSql(String a, String b) {
        return a.equals(b) || SqlText.canonical(a).equals(SqlText.canonical(b));
    }

    /** The alterations that turn {@code old} into {@code now}. */
    private List<Alteration> compare(Table old, Table now) {
        List<Alteration> out = new ArrayList<>();
        String key = Identifiers.fold(now.name());
        if (!Identifiers.same(old.name(), now.name())) out.add(new Alteration.RenameTable(old.name(), now.name()));
        Map<String, String> renames = columnRenames.getOrDefault(key, Map.of());
        renames.forEach((n, o) -> out.add(new Alteration.RenameColumn(o, now.column(n).map(Column::name).orElse(n))));
        Table current = normalize(old, now);
        for (Column c : now.columns()) {
            Optional<Column> was = current.column(c.name());
            if (was.isEmpty()) {
                out.add(new Alteration.AddColumn(c));
                continue;
            }
            Set<ColumnChange> changed = ColumnChange.between(was.get(), c);
            if (!changed.isEmpty()) out.add(new Alteration.ModifyColumn(was.get(), c, changed));
        }
        for (Column c : current.columns()) {
            if (now.column(c.name()).isEmpty()) out.add(new Alteration.DropColumn(c));
        }
        if (!samePrimaryKey(current.primaryKey(), now.primaryKey())) {
            out.add(new Alteration.ChangePrimaryKey(current.primaryKey(), now.primaryKey()));
        }
        setDiff(current.uniques(), now.uniques(), Differ::uniqueKey, out, Alteration.AddUnique::new, Alteration.DropUnique::new);
        setDiff(current.checks(), now.checks(), Differ::checkKey, out, Alteration.AddCheck::new, Alteration.DropCheck::new);
        setDiff(current.foreignKeys(), now.foreignKeys(), Differ::foreignKeyKey, out,
                Alteration.AddForeignKey::new, Alteration.DropForeignKey::new);
        if (current.withoutRowid() != now.withoutRowid() || current.strict() != now.strict()) {
            out.add(new Alteration.ChangeOptions(current.withoutRowid(), now.withoutRowid(), current.strict(), now.strict()));
        }
        return out;
    }

    private static <T> void setDiff(List<T> old, List<T> now, Function<T, String> key, List<Alteration> out,
                                    Function<T, Alteration> add, Function<T, Alteration> drop) {
        List<String> oldKeys = old.stream().map(key).toList();
        List<String> nowKeys = now.stream().map(key).toList();
        for (int i = 0; i < old.size(); i++) if (!nowKeys.contains(oldKeys.get(i))) out.add(drop.apply(old.get(i)));
        for (int i = 0; i < now.size(); i++) if (!oldKeys.contains(nowKeys.get(i))) out.add(add.apply(now.get(i)));
    }

    /**
     * The current table expressed in the declared names: renamed columns carry their new names everywhere in
     * the table, and references to renamed parent tables and columns use the new names.
     */
    private Table normalize(Table old, Table now) {
        Map<String, String> cols = new HashMap<>();
        columnRenames.getOrDefault(Identifiers.fold(now.name()), Map.of())
                .forEach((n, o) -> cols.put(Identifiers.fold(o), now.column(n).map(Column::name).orElse(n)));
        List<Column> columns = old.columns().stream().map(c -> {
            Column r = cols.containsKey(Identifiers.fold(c.name())) ? c.renamed(cols.get(Identifiers.fold(c.name()))) : c;
            return r.generated() == null ? r : new Column(r.name(), r.type(), r.notNull(), r.defaultValue(), r.collation(),
                    new Column.Generated(SqlText.renameIdentifiers(r.generated().expression(), cols), r.generated().stored()),
                    r.definition(), r.clauses());
        }).toList();
        PrimaryKey pk = old.primaryKey() == null ? null
                : new PrimaryKey(old.primaryKey().name(), renameKeys(old.primaryKey().columns(), cols), old.primaryKey().autoincrement());
        List<UniqueConstraint> uniques = old.uniques().stream()
                .map(u -> new UniqueConstraint(u.name(), renameKeys(u.columns(), cols))).toList();
        List<CheckConstraint> checks = old.checks().stream()
                .map(c -> new CheckConstraint(c.name(), SqlText.renameIdentifiers(c.expression(), cols))).toList();
        List<ForeignKey> fks = old.foreignKeys().stream().map(f -> renameForeignKey(f, cols)).toList();
        return old.withColumns(columns).withConstraints(pk, uniques, checks, fks);
    }

    private ForeignKey renameForeignKey(ForeignKey f, Map<String, String> ownColumns) {
        List<String> columns = f.columns().stream().map(c -> ownColumns.getOrDefault(Identifiers.fold(c), c)).toList();
        String parent = f.refTable();
        Map<String, String> parentColumns = Map.of();
        for (Table t : declaredBySource.getOrDefault(Identifiers.fold(f.refTable()), List.of())) {
            parent = Identifiers.same(t.name(), f.refTable()) ? f.refTable() : t.name();
            Map<String, String> m = new HashMap<>();
            columnRenames.getOrDefault(Identifiers.fold(t.name()), Map.of()).forEach((n, o) -> m.put(Identifiers.fold(o), n));
            parentColumns = m;
        }
        Map<String, String> pc = parentColumns;
        List<String> refColumns = f.refColumns().stream().map(c -> pc.getOrDefault(Identifiers.fold(c), c)).toList();
        return new ForeignKey(f.name(), columns, parent, refColumns, f.onDelete(), f.onUpdate(), f.match(), f.deferrable());
    }

    private static List<IndexedColumn> renameKeys(List<IndexedColumn> keys, Map<String, String> cols) {
        return keys.stream().map(k -> k.isColumn()
                ? (cols.containsKey(Identifiers.fold(k.expression())) ? k.renamed(cols.get(Identifiers.fold(k.expression()))) : k)
                : new IndexedColumn(SqlText.renameIdentifiers(k.expression(), cols), false, k.collation(), k.descending())).toList();
    }

    private static boolean samePrimaryKey(PrimaryKey a, PrimaryKey b) {
        if (a == null || b == null) return a == b;
        return a.autoincrement() == b.autoincrement() && keysKey(a.columns()).equals(keysKey(b.columns()))
                && Objects.equals(fold(a.name()), fold(b.name()));
    }

    private static String keysKey(List<IndexedColumn> keys) {
        StringBuilder sb = new StringBuilder();
        for (IndexedColumn k : keys) {
            sb.append(k.isColumn() ? Identifiers.fold(k.expression()) : SqlText.canonical(k.expression()))
                    .append(k.collation() == null ? "" : " collate " + Identifiers.fold(k.collation()))
                    .append(k.descending() ? " desc" : "").append(',');
        }
        return sb.toString();
    }

    private static String uniqueKey(UniqueConstraint u) {
        return fold(u.name()) + "|" + keysKey(u.columns());
    }

    private static String checkKey(CheckConstraint c) {
        return fold(c.name()) + "|" + SqlText.canonicalExpression(c.expression());
    }

    private static String foreignKeyKey(ForeignKey f) {
        return String.join("|", fold(f.name()), String.join(",", f.columns().stream().map(Identifiers::fold).toList()),
                Identifiers.fold(f.refTable()), String.join(",", f.refColumns().stream().map(Identifiers::fold).toList()),
                f.onDelete(), f.onUpdate(), f.match(), f.deferrable());
    }

    private static String fold(String s) {
        return s == null ? "" : Identifiers.fold(s);
    }
}
