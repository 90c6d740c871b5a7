package io.liteshift.lint;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Index;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tests a plan against the rows that are in the database, before anything is written: what would be lost, and
 * which rows could not satisfy the declared schema (with their number, a sample of their keys and the fix).
 * Only reads; the one write is to a TEMP table when a STRICT column's new type must be tried on the values.
 */
public final class DataCheck {

    private static final int SAMPLE = 5;

    private final Connection db;
    private final TableStats stats;
    private final Plan plan;
    private final Schema current;
    private final Schema declared;
    private final List<Finding> out = new ArrayList<>();

    private DataCheck(TableStats stats, Plan plan, Schema current, Schema declared) {
        this.db = stats.db();
        this.stats = stats;
        this.plan = plan;
        this.current = current;
        this.declared = declared;
    }

    public static Findings run(Connection db, Plan plan, Schema current, Schema declared) throws SQLException {
        return run(new TableStats(db), plan, current, declared);
    }

    /** With the row counts of a lint run that has measured some tables already. */
    static Findings run(TableStats stats, Plan plan, Schema current, Schema declared) throws SQLException {
        DataCheck c = new DataCheck(stats, plan, current, declared);
        c.run();
        return new Findings(c.out);
    }

    private void run() throws SQLException {
        for (Change ch : plan.changes()) {
            if (ch instanceof Change.DropTable d) dropTable(d.table().name());
            else if (ch instanceof Change.DropVirtualTable d) dropTable(d.table().name());
        }
        for (TableMapping m : plan.mappings()) {
            long rows = stats.rows(m.from().name());
            Change.AlterTable alter = alterOf(m);
            for (Alteration a : alter.alterations()) {
                if (a instanceof Alteration.DropColumn dc) dropColumn(m, dc.column(), rows);
            }
            if (rows == 0) continue;
            String projection = Projection.of(m);
            notNull(m, projection, rows);
            for (Alteration a : alter.alterations()) {
                if (a instanceof Alteration.AddUnique u) unique(m, projection, rows, "new UNIQUE " + cols(u.unique().columns()), u.unique().columns(), null);
                if (a instanceof Alteration.ChangePrimaryKey pk && pk.to() != null) {
                    unique(m, projection, rows, "new PRIMARY KEY " + cols(pk.to().columns()), pk.to().columns(), null);
                }
                if (a instanceof Alteration.AddCheck ck) check(m, projection, rows, ck.check(), "new ");
                if (a instanceof Alteration.AddForeignKey fk) foreignKey(m, projection, rows, fk.foreignKey());
            }
            rulesOverChangedColumns(m, alter, projection, rows);
            if (m.to().strict()) strictTypes(m, projection, rows);
            for (Column b : m.backfills()) backfill(m, b);
        }
        for (Change ch : plan.changes()) {
            if (ch instanceof Change.CreateIndex ci && ci.index().unique()) uniqueIndex(ci.index());
        }
    }

    private Change.AlterTable alterOf(TableMapping m) {
        return plan.changes().stream().filter(Change.AlterTable.class::isInstance).map(Change.AlterTable.class::cast)
                .filter(a -> a.to() == m.to()).findFirst().orElseThrow();
    }

    private void dropTable(String name) throws SQLException {
        long rows = stats.rows(name);
        if (rows > 0) {
            out.add(new Finding(Finding.Kind.DESTRUCTIVE, "drop-table", name,
                    "table " + name + " is not in the declared schema and would be dropped with its " + Rows.plural(rows, "row")));
        }
    }

    private void dropColumn(TableMapping m, Column c, long rows) throws SQLException {
        if (rows == 0) return;
        long values = Rows.count(db, "SELECT count(" + Identifiers.quote(c.name()) + ") FROM " + Identifiers.quote(m.from().name()));
        if (values > 0) {
            out.add(new Finding(Finding.Kind.DESTRUCTIVE, "drop-column", m.from().name() + "." + c.name(),
                    "column " + m.from().name() + "." + c.name() + " is not in the declared schema and would be dropped with its "
                            + Rows.plural(values, "value") + " (in " + Rows.plural(rows, "row") + "). If it was renamed, declare it:"
                            + " end the new column's line with -- @renamed from=" + c.name()));
        }
    }

    private void notNull(TableMapping m, String projection, long rows) throws SQLException {
        for (Column c : m.to().columns()) {
            if (!c.notNull() || c.isGenerated()) continue;
            Optional<Column> was = m.from().column(sourceName(m, c));
            if (was.isPresent() && was.get().notNull()) continue;
            if (m.backfills().contains(c) && !isNullLiteral(c.defaultValue())) continue; // NULLs get the DEFAULT
            String where = Identifiers.quote(c.name()) + " IS NULL";
            long bad = Rows.count(db, "SELECT count(*) FROM (" + projection + ") WHERE " + where);
            if (bad == 0) continue;
            String counted = String.format("%,d", bad) + " of " + Rows.plural(rows, "row");
            boolean computed = was.isEmpty() && m.values().containsKey(Identifiers.fold(c.name())); // a rebuild's copy fills it
            String what = computed
                    ? m.to().name() + "." + c.name() + " is NOT NULL, and the copy gives " + counted + " NULL (" + sample(m, aliased(m, projection), where) + ")"
                    : was.isEmpty()
                    ? "new column " + m.to().name() + "." + c.name() + " is NOT NULL without a DEFAULT, and the table has " + Rows.plural(rows, "row")
                    : m.to().name() + "." + c.name() + " becomes NOT NULL: " + counted + " are NULL (" + sample(m, aliased(m, projection), where) + ")";
            out.add(new Finding(Finding.Kind.VIOLATION, "not-null", m.to().name() + "." + c.name(), what + (computed
                    ? ". Make the copy give every row a value (coalesce(expression, fallback)), or declare a DEFAULT."
                    : ". Declare a DEFAULT (existing NULLs are then filled with it), or fill the column with an UPDATE first.")));
        }
    }

    private static boolean isNullLiteral(String expr) {
        return io.liteshift.sql.SqlText.canonicalExpression(expr).equals("null");
    }

    private String sourceName(TableMapping m, Column declared) {
        String expr = m.values().get(Identifiers.fold(declared.name()));
        if (expr == null) return "\0none";
        String inner = expr.startsWith("coalesce(") ? expr.substring(9, expr.indexOf(',')) : expr;
        return Identifiers.unquote(inner);
    }

    private void unique(TableMapping m, String projection, long rows, String what, List<IndexedColumn> keys, String where)
            throws SQLException {
        String groupBy = keys.stream().map(k -> groupExpression(m.to(), k)).collect(Collectors.joining(", "));
        String notNull = keys.stream().map(k -> "(" + (k.isColumn() ? Identifiers.quote(k.expression()) : k.expression()) + ") IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String dupes = "SELECT count(*) AS n, group_concat(" + Projection.KEY + ", ', ') AS keys FROM " + aliased(m, projection) + " WHERE "
                + notNull + (where == null ? "" : " AND (" + where + ")") + " GROUP BY " + groupBy + " HAVING count(*) > 1";
        // one grouping pass: the totals ride along each sampled row as window aggregates
        List<List<String>> found = Rows.table(db, "SELECT keys, count(*) OVER (), sum(n) OVER () FROM (" + dupes + ") LIMIT " + SAMPLE);
        if (found.isEmpty()) return;
        long groups = Long.parseLong(found.get(0).get(1));
        long dupRows = Long.parseLong(found.get(0).get(2));
        List<String> samples = found.stream().map(r -> r.get(0)).toList();
        out.add(new Finding(Finding.Kind.VIOLATION, "unique", m.to().name(),
                m.to().name() + ": " + what + " is broken by " + String.format("%,d", dupRows) + " of " + Rows.plural(rows, "row")
                        + " sharing " + Rows.plural(groups, "value") + " (" + Projection.keyLabel(m.from()) + " "
                        + samples.stream().map(s -> "[" + s + "]").collect(Collectors.joining(" ")) + (groups > SAMPLE ? " …" : "")
                        + "). Remove or change the duplicates first, or drop the UNIQUE."));
    }

    /**
     * Rules that stay but read a column whose values or comparison change (a new type, collation, or NULLs
     * filled with a DEFAULT) are tested again: a UNIQUE, PRIMARY KEY or unique index can start to see duplicates
     * (under COLLATE NOCASE, 'a' and 'A' collide), and a CHECK can fail on a filled-in value.
     */
    private void rulesOverChangedColumns(TableMapping m, Change.AlterTable alter, String projection, long rows)
            throws SQLException {
        java.util.Set<String> changed = new java.util.HashSet<>();
        for (Alteration a : alter.alterations()) {
            if (a instanceof Alteration.ModifyColumn mc) changed.add(Identifiers.fold(mc.to().name()));
        }
        if (changed.isEmpty()) return;
        java.util.function.Predicate<List<IndexedColumn>> touches = keys -> keys.stream()
                .anyMatch(k -> k.refersTo(changed));
        boolean newKey = alter.alterations().stream().anyMatch(Alteration.ChangePrimaryKey.class::isInstance);
        if (!newKey && m.to().primaryKey() != null && touches.test(m.to().primaryKey().columns())) {
            unique(m, projection, rows, rekeyed("PRIMARY KEY " + cols(m.to().primaryKey().columns())), m.to().primaryKey().columns(), null);
        }
        for (io.liteshift.schema.UniqueConstraint u : m.to().uniques()) {
            boolean added = alter.alterations().stream().anyMatch(a -> a instanceof Alteration.AddUnique au && au.unique().equals(u));
            if (!added && touches.test(u.columns())) unique(m, projection, rows, rekeyed("UNIQUE " + cols(u.columns())), u.columns(), null);
        }
        for (CheckConstraint ck : m.to().checks()) {
            boolean added = alter.alterations().stream().anyMatch(a -> a instanceof Alteration.AddCheck ac && ac.check().equals(ck));
            if (!added && io.liteshift.sql.SqlText.mentions(ck.expression(), changed)) check(m, projection, rows, ck, "");
        }
        for (Index i : declared.indexesOf(m.to().name())) {
            boolean created = plan.changes().stream().anyMatch(c -> c instanceof Change.CreateIndex ci && ci.index().equals(i));
            // a partial index's WHERE reads columns too: a NULL filled with a DEFAULT can bring a row into the index
            boolean whereChanges = i.where() != null && io.liteshift.sql.SqlText.mentions(i.where(), changed);
            if (i.unique() && !created && (touches.test(i.keys()) || whereChanges)) {
                unique(m, projection, rows, rekeyed("UNIQUE index " + i.name()), i.keys(), i.where());
            }
        }
    }

    /** How a rule that is not new, but is tested again because its columns' values change, is named in messages. */
    private static String rekeyed(String rule) {
        return rule + " (its columns' values change)";
    }

    private static String groupExpression(Table t, IndexedColumn k) {
        String e = k.isColumn() ? Identifiers.quote(k.expression()) : "(" + k.expression() + ")";
        String coll = k.collation();
        if (coll == null && k.isColumn()) coll = t.column(k.expression()).map(Column::collation).orElse(null);
        return coll == null ? e : e + " COLLATE " + Identifiers.quote(coll);
    }

    private void uniqueIndex(Index i) throws SQLException {
        Optional<TableMapping> mapped = plan.mappings().stream().filter(m -> Identifiers.same(m.to().name(), i.table())).findFirst();
        if (mapped.isPresent()) {
            long rows = stats.rows(mapped.get().from().name());
            if (rows > 0) unique(mapped.get(), Projection.of(mapped.get()), rows, "new UNIQUE index " + i.name(), i.keys(), i.where());
            return;
        }
        Optional<Table> t = current.table(i.table());
        if (t.isEmpty()) return; // a new table: no rows yet
        TableMapping same = identity(t.get());
        long rows = stats.rows(t.get().name());
        if (rows > 0) unique(same, Projection.of(same), rows, "new UNIQUE index " + i.name(), i.keys(), i.where());
    }

    private static TableMapping identity(Table t) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        t.columns().forEach(c -> values.put(Identifiers.fold(c.name()), Identifiers.quote(c.name())));
        return new TableMapping(t, t, values, false, List.of(), List.of());
    }

    private void check(TableMapping m, String projection, long rows, CheckConstraint ck, String adjective) throws SQLException {
        String where = "NOT (" + ck.expression() + ")";
        long bad = Rows.count(db, "SELECT count(*) FROM " + aliased(m, projection) + " WHERE " + where);
        if (bad == 0) return;
        out.add(new Finding(Finding.Kind.VIOLATION, "check", m.to().name(),
                m.to().name() + ": " + adjective + "CHECK (" + ck.expression() + ") fails for " + String.format("%,d", bad) + " of "
                        + Rows.plural(rows, "row") + " (" + sample(m, aliased(m, projection), where) + "). Fix those rows first, or relax the CHECK."));
    }

    private void foreignKey(TableMapping m, String projection, long rows, ForeignKey fk) throws SQLException {
        Optional<Table> newParent = plan.changes().stream().filter(Change.CreateTable.class::isInstance)
                .map(c -> ((Change.CreateTable) c).table()).filter(t -> Identifiers.same(t.name(), fk.refTable())).findFirst();
        // a parent created by this plan has no rows yet: every non-NULL reference to it is an orphan
        Optional<String> parentRows = newParent.isPresent()
                ? Optional.of("SELECT " + newParent.get().columns().stream().map(c -> "NULL AS " + Identifiers.quote(c.name()))
                        .collect(Collectors.joining(", ")) + " WHERE 0")
                : parentProjection(fk.refTable());
        if (parentRows.isEmpty()) return; // no such parent at all: the final foreign key check reports it
        List<String> parentCols = fk.refColumns();
        if (parentCols.isEmpty()) {
            Table parent = plan.mappings().stream().map(TableMapping::to).filter(t -> Identifiers.same(t.name(), fk.refTable()))
                    .findFirst().or(() -> newParent).or(() -> current.table(fk.refTable())).orElse(null);
            if (parent == null) return;
            parentCols = parent.primaryKey() != null ? parent.primaryKey().columnNames() : List.of("rowid");
        }
        List<String> conditions = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < fk.columns().size() && i < parentCols.size(); i++) {
            conditions.add("p." + Identifiers.quote(parentCols.get(i)) + " = c." + Identifiers.quote(fk.columns().get(i)));
            notNull.add("c." + Identifiers.quote(fk.columns().get(i)) + " IS NOT NULL");
        }
        String where = String.join(" AND ", notNull) + " AND NOT EXISTS (SELECT 1 FROM (" + parentRows.get() + ") AS p WHERE "
                + String.join(" AND ", conditions) + ")";
        String from = "(" + projection + ") AS c";
        List<List<String>> found = Rows.table(db, "SELECT c." + Projection.KEY + ", count(*) OVER () FROM " + from + " WHERE " + where
                + " LIMIT " + SAMPLE); // one pass: the count rides along the samples
        if (found.isEmpty()) return;
        long bad = Long.parseLong(found.get(0).get(1));
        List<String> keys = found.stream().map(r -> r.get(0)).toList();
        out.add(new Finding(Finding.Kind.VIOLATION, "foreign-key", m.to().name(),
                m.to().name() + ": new FOREIGN KEY (" + String.join(", ", fk.columns()) + ") REFERENCES " + fk.refTable() + " has "
                        + String.format("%,d", bad) + " of " + Rows.plural(rows, "row") + " pointing at no " + fk.refTable() + " row ("
                        + Projection.keyLabel(m.from()) + " " + String.join(", ", keys) + (bad > SAMPLE ? ", …" : "")
                        + "). Delete or fix those rows, or set the column to NULL, first."));
    }

    private Optional<String> parentProjection(String parent) {
        for (TableMapping pm : plan.mappings()) if (Identifiers.same(pm.to().name(), parent)) return Optional.of(Projection.of(pm));
        return current.table(parent).map(t -> Projection.of(identity(t)));
    }

    private void strictTypes(TableMapping m, String projection, long rows) throws SQLException {
        for (Column c : m.to().columns()) {
            if (c.isGenerated() || !m.values().containsKey(Identifiers.fold(c.name()))) continue;
            String allowed = switch (c.type().toUpperCase(Locale.ROOT)) {
                case "INT", "INTEGER" -> "'integer'";
                case "REAL" -> "'real'";
                case "TEXT" -> "'text'";
                case "BLOB" -> "'blob'";
                default -> null; // ANY
            };
            if (allowed == null) continue;
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS temp._liteshift_probe");
                s.execute("CREATE TEMP TABLE _liteshift_probe (k, v " + c.type() + ")");
                s.execute("INSERT INTO temp._liteshift_probe SELECT " + Projection.KEY + ", " + Identifiers.quote(c.name())
                        + " FROM (" + projection + ")");
                String where = "v IS NOT NULL AND typeof(v) <> " + allowed;
                long bad = Rows.count(db, "SELECT count(*) FROM temp._liteshift_probe WHERE " + where);
                if (bad > 0) {
                    List<String> keys = Rows.strings(db, "SELECT k || ' = ' || quote(v) FROM temp._liteshift_probe WHERE " + where + " LIMIT " + SAMPLE);
                    out.add(new Finding(Finding.Kind.VIOLATION, "strict-type", m.to().name() + "." + c.name(),
                            m.to().name() + "." + c.name() + " becomes " + c.type() + " in a STRICT table, but " + String.format("%,d", bad)
                                    + " of " + Rows.plural(rows, "row") + " hold values that cannot be stored as " + c.type() + " ("
                                    + Projection.keyLabel(m.from()) + " " + String.join(", ", keys) + (bad > SAMPLE ? ", …" : "")
                                    + "). Convert or clear those values first, or declare the column ANY."));
                }
                s.execute("DROP TABLE temp._liteshift_probe");
            }
        }
    }

    private void backfill(TableMapping m, Column c) throws SQLException {
        String src = sourceName(m, c);
        long n = Rows.count(db, "SELECT count(*) FROM " + Identifiers.quote(m.from().name()) + " WHERE " + Identifiers.quote(src) + " IS NULL");
        if (n > 0) {
            out.add(new Finding(Finding.Kind.NOTE, "backfill", m.to().name() + "." + c.name(),
                    m.to().name() + "." + c.name() + " becomes NOT NULL: " + Rows.plural(n, "row") + " holding NULL will get its DEFAULT "
                            + c.defaultValue()));
        }
    }

    /** The projection named like the declared table, so expressions that qualify columns with it still work. */
    private static String aliased(TableMapping m, String projection) {
        return "(" + projection + ") AS " + Identifiers.quote(m.to().name());
    }

    private String sample(TableMapping m, String from, String where) throws SQLException {
        List<String> keys = Rows.strings(db, "SELECT " + Projection.KEY + " FROM " + from + " WHERE " + where + " LIMIT " + (SAMPLE + 1));
        String shown = keys.stream().limit(SAMPLE).collect(Collectors.joining(", "));
        return Projection.keyLabel(m.from()) + " " + shown + (keys.size() > SAMPLE ? ", …" : "");
    }

    private static String cols(List<IndexedColumn> keys) {
        return "(" + keys.stream().map(IndexedColumn::toString).collect(Collectors.joining(", ")) + ")";
    }
}
