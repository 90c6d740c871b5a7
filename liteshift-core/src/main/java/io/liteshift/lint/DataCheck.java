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
import io.liteshift.schema.UniqueConstraint;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Tests a plan against the rows that are in the database, before anything is written: what would be lost, and
 * which rows could not satisfy the declared schema (with their number, a sample of their keys and the fix).
 * Only reads; the one write is to a TEMP table when a STRICT column's new type must be tried on the values.
 */
final class DataCheck {

    private final Connection db;
    private final TableStats stats;
    private final Plan plan;
    private final Schema current;
    private final Schema declared;
    private final List<LintIssue> out = new ArrayList<>();
    /** Tables (folded) where an expression the plan computes raises an error: their duplicates cannot be counted. */
    private final Set<String> unevaluable = new HashSet<>();

    private DataCheck(TableStats stats, Plan plan, Schema current, Schema declared) {
        this.db = stats.db();
        this.stats = stats;
        this.plan = plan;
        this.current = current;
        this.declared = declared;
    }

    /** With the row counts of a lint or push run, which may have measured some tables already. */
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
        for (Index i : built()) indexExpressions(i);
        for (TableMapping m : plan.mappings()) {
            long rows = stats.rows(m.from().name());
            Change.AlterTable alter = alterOf(m);
            for (Alteration a : alter.alterations()) {
                if (a instanceof Alteration.DropColumn dc) dropColumn(m, dc.column(), rows);
            }
            if (rows == 0) continue;
            String projection = Projection.of(m);
            if (m.rebuilt()) generatedColumns(m, rows);
            notNull(m, projection, rows);
            for (Alteration a : alter.alterations()) {
                if (a instanceof Alteration.AddUnique u) {
                    unique(LintCode.UNIQUE, m, rows, "new UNIQUE " + cols(u.unique().columns()), u.unique().columns(), null);
                }
                if (a instanceof Alteration.ChangePrimaryKey pk && pk.to() != null) {
                    unique(LintCode.PRIMARY_KEY, m, rows, "new PRIMARY KEY " + cols(pk.to().columns()), pk.to().columns(), null);
                }
                if (a instanceof Alteration.AddCheck ck) check(m, rows, ck.check(), "new ");
                if (a instanceof Alteration.AddForeignKey fk) foreignKey(m, projection, rows, fk.foreignKey());
            }
            rulesOverChangedColumns(m, alter, rows);
            Conversions.check(db, m, rows, out);
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
            out.add(destroys(LintCode.DROP_TABLE, name,
                    "table " + name + " is not in the declared schema and would be dropped with its " + Rows.plural(rows, "row"), "",
                    Measurement.rows(rows)));
        }
    }

    private void dropColumn(TableMapping m, Column c, long rows) throws SQLException {
        if (rows == 0) return;
        long values = Rows.count(db, "SELECT count(" + Identifiers.quote(c.name()) + ") FROM " + Identifiers.quote(m.from().name()));
        if (values > 0) {
            out.add(destroys(LintCode.DROP_COLUMN, m.from().name() + "." + c.name(),
                    "column " + m.from().name() + "." + c.name() + " is not in the declared schema and would be dropped with its "
                            + Rows.plural(values, "value") + " (in " + Rows.plural(rows, "row") + ").",
                    "If it was renamed, declare it: end the new column's line with -- @renamed from=" + c.name(), Measurement.rows(values)));
        }
    }

    private void notNull(TableMapping m, String projection, long rows) throws SQLException {
        for (Column c : m.to().columns()) {
            if (!c.notNull() || c.isGenerated()) continue;
            Optional<Column> was = Projection.sourceColumn(m, c).flatMap(n -> m.from().column(n));
            if (was.isPresent() && was.get().notNull()) continue;
            if (m.backfills().contains(c) && !isNullLiteral(c.defaultValue())) continue; // NULLs get the DEFAULT
            String where = Identifiers.quote(c.name()) + " IS NULL";
            long bad = Rows.count(db, "SELECT count(*) FROM (" + projection + ") WHERE " + where);
            if (bad == 0) continue;
            String counted = String.format("%,d", bad) + " of " + Rows.plural(rows, "row");
            boolean computed = was.isEmpty() && m.values().containsKey(Identifiers.fold(c.name())); // a rebuild's copy fills it
            Sample sample = computed || was.isPresent() ? sample(m, Projection.aliased(m, projection), where) : null;
            String what = computed
                    ? m.to().name() + "." + c.name() + " is NOT NULL, and the copy gives " + counted + " NULL (" + sample.text() + ")"
                    : was.isEmpty()
                    ? "new column " + m.to().name() + "." + c.name() + " is NOT NULL without a DEFAULT, and the table has " + Rows.plural(rows, "row")
                    : m.to().name() + "." + c.name() + " becomes NOT NULL: " + counted + " are NULL (" + sample.text() + ")";
            out.add(breaks(LintCode.NOT_NULL, m.to().name() + "." + c.name(), what + ".", computed
                    ? "Make the copy give every row a value (coalesce(expression, fallback)), or declare a DEFAULT."
                    : "Declare a DEFAULT (existing NULLs are then filled with it), or fill the column with an UPDATE first.",
                    Measurement.rows(bad, sample == null ? List.of() : sample.keys())));
        }
    }

    private static boolean isNullLiteral(String expr) {
        return SqlText.canonicalExpression(expr).equals("null");
    }

    /** @param code {@link LintCode#UNIQUE}, or {@link LintCode#PRIMARY_KEY} for a primary key's columns */
    private void unique(LintCode code, TableMapping m, long rows, String what, List<IndexedColumn> keys, String where) throws SQLException {
        if (unevaluable.contains(Identifiers.fold(m.to().name()))) return; // its keys raise errors: reported already
        Optional<Duplicates.Found> found = Duplicates.of(db, m, keys, where);
        if (found.isEmpty()) return;
        Duplicates.Found d = found.get();
        out.add(breaks(code, m.to().name(),
                m.to().name() + ": " + what + " is broken by " + String.format("%,d", d.rows()) + " of " + Rows.plural(rows, "row")
                        + " sharing " + Rows.plural(d.values(), "value") + ": " + Duplicates.keyName(keys) + " " + String.join(", ", d.shown())
                        + (d.values() > d.shown().size() ? ", and " + String.format("%,d", d.values() - d.shown().size()) + " more" : "") + ".",
                "Remove or change the duplicates first, or drop the UNIQUE.", Measurement.rows(d.rows())));
    }

    /**
     * Rules that stay but read a column whose values or comparison change (a new type, collation, or NULLs
     * filled with a DEFAULT) are tested again: a UNIQUE, PRIMARY KEY or unique index can start to see duplicates
     * (under COLLATE NOCASE, 'a' and 'A' collide), and a CHECK can fail on a filled-in value.
     */
    private void rulesOverChangedColumns(TableMapping m, Change.AlterTable alter, long rows)
            throws SQLException {
        Set<String> changed = new HashSet<>();
        for (Alteration a : alter.alterations()) {
            if (a instanceof Alteration.ModifyColumn mc) changed.add(Identifiers.fold(mc.to().name()));
        }
        if (changed.isEmpty()) return;
        Predicate<List<IndexedColumn>> touches = keys -> keys.stream()
                .anyMatch(k -> k.refersTo(changed));
        boolean newKey = alter.alterations().stream().anyMatch(Alteration.ChangePrimaryKey.class::isInstance);
        if (!newKey && m.to().primaryKey() != null && touches.test(m.to().primaryKey().columns())) {
            unique(LintCode.PRIMARY_KEY, m, rows, rekeyed("PRIMARY KEY " + cols(m.to().primaryKey().columns())), m.to().primaryKey().columns(), null);
        }
        for (UniqueConstraint u : m.to().uniques()) {
            boolean added = alter.alterations().stream().anyMatch(a -> a instanceof Alteration.AddUnique au && au.unique().equals(u));
            if (!added && touches.test(u.columns())) unique(LintCode.UNIQUE, m, rows, rekeyed("UNIQUE " + cols(u.columns())), u.columns(), null);
        }
        for (CheckConstraint ck : m.to().checks()) {
            boolean added = alter.alterations().stream().anyMatch(a -> a instanceof Alteration.AddCheck ac && ac.check().equals(ck));
            if (!added && SqlText.mentions(ck.expression(), changed)) check(m, rows, ck, "");
        }
        for (Index i : declared.indexesOf(m.to().name())) {
            boolean created = plan.changes().stream().anyMatch(c -> c instanceof Change.CreateIndex ci && ci.index().equals(i));
            // a partial index's WHERE reads columns too: a NULL filled with a DEFAULT can bring a row into the index
            boolean whereChanges = i.where() != null && SqlText.mentions(i.where(), changed);
            if (i.unique() && !created && (touches.test(i.keys()) || whereChanges)) {
                unique(LintCode.UNIQUE, m, rows, rekeyed("UNIQUE index " + i.name()), i.keys(), i.where());
            }
        }
    }

    /** How a rule that is not new, but is tested again because its columns' values change, is named in messages. */
    private static String rekeyed(String rule) {
        return rule + " (its columns' values change)";
    }

    private void uniqueIndex(Index i) throws SQLException {
        Optional<TableMapping> mapped = plan.mappings().stream().filter(m -> Identifiers.same(m.to().name(), i.table())).findFirst();
        if (mapped.isPresent()) {
            long rows = stats.rows(mapped.get().from().name());
            if (rows > 0) unique(LintCode.UNIQUE, mapped.get(), rows, "new UNIQUE index " + i.name(), i.keys(), i.where());
            return;
        }
        Optional<Table> t = current.table(i.table());
        if (t.isEmpty()) return; // a new table: no rows yet
        TableMapping same = identity(t.get());
        long rows = stats.rows(t.get().name());
        if (rows > 0) unique(LintCode.UNIQUE, same, rows, "new UNIQUE index " + i.name(), i.keys(), i.where());
    }

    private static TableMapping identity(Table t) {
        Map<String, String> values = new LinkedHashMap<>();
        t.columns().forEach(c -> values.put(Identifiers.fold(c.name()), Identifiers.quote(c.name())));
        return new TableMapping(t, t, values, false, List.of(), List.of());
    }

    private void check(TableMapping m, long rows, CheckConstraint ck, String adjective) throws SQLException {
        String where = "NOT (" + ck.expression() + ")";
        Evaluation.Result r = Evaluation.count(db, m, where);
        if (r.matching() == 0 && r.failing() == 0) return;
        String what = m.to().name() + ": " + adjective + "CHECK (" + ck.expression() + ")" + (ck.name() == null ? "" : " (constraint " + ck.name() + ")");
        if (r.failing() == 0) {
            Sample sample = sample(m, Projection.aliased(m, Projection.of(m)), where);
            out.add(breaks(LintCode.CHECK, m.to().name(), what + " fails for " + String.format("%,d", r.matching()) + " of "
                    + Rows.plural(rows, "row") + " (" + sample.text() + ").",
                    "Fix those rows first, or relax the CHECK.", Measurement.rows(r.matching(), sample.keys())));
            return;
        }
        out.add(breaks(LintCode.CHECK, m.to().name(), what + raises(m, rows, r)
                + (r.matching() == 0 ? "" : ", and fails for " + String.format("%,d", r.matching()) + " more") + ".",
                "Fix those rows first, or change the CHECK so that SQLite can evaluate it on every row.", failing(m, r, r.failing() + r.matching())));
    }

    /** " raises an error on 3 of 10 rows (id 2, 5, 9): malformed JSON" */
    private static String raises(TableMapping m, long rows, Evaluation.Result r) {
        return " raises an error on " + String.format("%,d", r.failing()) + " of " + Rows.plural(rows, "row") + " ("
                + Projection.keyLabel(m.from()) + " " + Samples.list(r.failingKeys(), r.failing()) + "): " + r.error();
    }

    /** The rows an expression raises an error on: their count and keys. */
    private static Measurement failing(TableMapping m, Evaluation.Result r) {
        return failing(m, r, r.failing());
    }

    /** {@code rows} broken in all, with the keys of those an expression raises an error on. */
    private static Measurement failing(TableMapping m, Evaluation.Result r, long rows) {
        String label = Projection.keyLabel(m.from());
        return Measurement.rows(rows, r.failingKeys().stream().map(k -> label + " " + k).toList());
    }

    /** A STORED generated column is computed by the copy: an expression that raises an error on a row stops it. */
    private void generatedColumns(TableMapping m, long rows) throws SQLException {
        for (Column c : m.to().columns()) {
            if (!c.isGenerated() || !c.generated().stored()) continue;
            Evaluation.Result r = Evaluation.count(db, m, Identifiers.quote(c.name()) + " IS NULL");
            if (r.failing() == 0) continue;
            unevaluable.add(Identifiers.fold(m.to().name()));
            out.add(breaks(LintCode.GENERATED, m.to().name() + "." + c.name(), m.to().name() + "." + c.name()
                    + " GENERATED ALWAYS AS (" + c.generated().expression() + ")" + raises(m, rows, r) + ".",
                    "Fix those rows first, or change the expression so that SQLite can evaluate it on every row.", failing(m, r)));
        }
    }

    /** The indexes the plan builds over rows that exist: new ones, and every index of a rebuilt table. */
    private List<Index> built() {
        List<Index> out = new ArrayList<>();
        for (Index i : declared.indexes()) {
            boolean created = plan.changes().stream().anyMatch(c -> c instanceof Change.CreateIndex ci && ci.index().equals(i));
            boolean rebuilt = plan.rebuilds().stream().anyMatch(m -> Identifiers.same(m.to().name(), i.table()));
            if (created || rebuilt) out.add(i);
        }
        return out;
    }

    /**
     * Building an index computes its expressions (and its WHERE) on every row: one that raises an error on a row
     * stops the whole change. Rows the WHERE leaves out are not computed, as in SQLite.
     */
    private void indexExpressions(Index i) throws SQLException {
        List<String> computed = i.keys().stream().filter(k -> !k.isColumn()).map(k -> "((" + k.expression() + ") IS NULL)").toList();
        if (computed.isEmpty() && i.where() == null) return;
        Optional<TableMapping> m = mappingOf(i.table());
        if (m.isEmpty()) return;
        long rows = stats.rows(m.get().from().name());
        if (rows == 0 || unevaluable.contains(Identifiers.fold(i.table()))) return;
        String keys = computed.isEmpty() ? "0" : String.join(" + ", computed);
        String condition = (i.where() == null ? keys : "CASE WHEN (" + i.where() + ") THEN " + keys + " ELSE 0 END") + " = -1";
        Evaluation.Result r = Evaluation.count(db, m.get(), condition);
        if (r.failing() == 0) return;
        unevaluable.add(Identifiers.fold(i.table()));
        out.add(breaks(LintCode.INDEX, i.table(), i.table() + ": index " + i.name() + " " + cols(i.keys())
                + (i.where() == null ? "" : " WHERE " + i.where()) + raises(m.get(), rows, r) + ".",
                "Fix those rows first, or change the index so that SQLite can evaluate it on every row.", failing(m.get(), r)));
    }

    /** How the rows of {@code table} look to the plan: its mapping, or the table as it is when the plan leaves it alone. */
    private Optional<TableMapping> mappingOf(String table) {
        Optional<TableMapping> mapped = plan.mappings().stream().filter(m -> Identifiers.same(m.to().name(), table)).findFirst();
        if (mapped.isPresent()) return mapped;
        return current.table(table).map(DataCheck::identity);
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
                + " LIMIT " + Samples.KEYS); // one pass: the count rides along the samples
        if (found.isEmpty()) return;
        long bad = Long.parseLong(found.get(0).get(1));
        List<String> keys = found.stream().map(r -> r.get(0)).toList();
        out.add(breaks(LintCode.FOREIGN_KEY, m.to().name(),
                m.to().name() + ": new FOREIGN KEY (" + String.join(", ", fk.columns()) + ") REFERENCES " + fk.refTable() + " has "
                        + String.format("%,d", bad) + " of " + Rows.plural(rows, "row") + " pointing at no " + fk.refTable() + " row ("
                        + Projection.keyLabel(m.from()) + " " + Samples.list(keys, bad) + ").",
                "Delete or fix those rows, or set the column to NULL, first.",
                Measurement.rows(bad, keys.stream().map(k -> Projection.keyLabel(m.from()) + " " + k).toList())));
    }

    private Optional<String> parentProjection(String parent) {
        for (TableMapping pm : plan.mappings()) if (Identifiers.same(pm.to().name(), parent)) return Optional.of(Projection.of(pm));
        return current.table(parent).map(t -> Projection.of(identity(t)));
    }

    private void backfill(TableMapping m, Column c) throws SQLException {
        Optional<String> src = Projection.sourceColumn(m, c);
        if (src.isEmpty()) return;
        long n = Rows.count(db, "SELECT count(*) FROM " + Identifiers.quote(m.from().name()) + " WHERE " + Identifiers.quote(src.get()) + " IS NULL");
        if (n > 0) {
            out.add(LintIssue.of(LintCode.BACKFILL, Severity.INFO, m.to().name() + "." + c.name(),
                    m.to().name() + "." + c.name() + " becomes NOT NULL: " + Rows.plural(n, "row") + " holding NULL will get its DEFAULT "
                            + c.defaultValue(), "", Measurement.rows(n)));
        }
    }

    /** Some keys of the rows {@code where} picks: as a message shows them ({@code id 2, 5, …}), and one by one ({@code id 2}). */
    private record Sample(String text, List<String> keys) {
    }

    private Sample sample(TableMapping m, String from, String where) throws SQLException {
        List<String> keys = Rows.strings(db, "SELECT " + Projection.KEY + " FROM " + from + " WHERE " + where + " LIMIT " + (Samples.KEYS + 1));
        List<String> shown = keys.subList(0, Math.min(keys.size(), Samples.KEYS));
        String label = Projection.keyLabel(m.from());
        return new Sample(label + " " + Samples.list(shown, keys.size()), shown.stream().map(k -> label + " " + k).toList());
    }

    /** Data the plan would destroy: push asks for {@code --yes}, lint warns. */
    private static LintIssue destroys(LintCode code, String subject, String message, String fix, Measurement measured) {
        return LintIssue.of(code, Severity.WARNING, subject, message, fix, measured);
    }

    /** Rows that cannot take the declared schema: push and migrate refuse. */
    private static LintIssue breaks(LintCode code, String subject, String message, String fix, Measurement measured) {
        return LintIssue.of(code, Severity.ERROR, subject, message, fix, measured);
    }

    private static String cols(List<IndexedColumn> keys) {
        return "(" + keys.stream().map(IndexedColumn::toString).collect(Collectors.joining(", ")) + ")";
    }
}
