package io.liteshift.lint;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.lint.LintIssue.Severity;
import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules read from a plan alone, without rows: what a step destroys, what MAY fail on real rows, what breaks
 * the application version still running during a rolling deploy, and which tables are rebuilt. File and line are
 * filled in by the caller.
 */
final class PlanRules {

    private static final String EXPAND_CONTRACT = "expand/contract: add the new one, deploy code that uses it, backfill, and drop"
            + " the old one in a later release.";

    private final List<LintIssue> out = new ArrayList<>();
    private final Plan plan;

    private PlanRules(Plan plan) {
        this.plan = plan;
    }

    static List<LintIssue> of(Plan plan) {
        PlanRules r = new PlanRules(plan);
        r.run();
        return r.out;
    }

    private void add(LintCode code, Severity s, String subject, String message, String fix) {
        out.add(LintIssue.of(code, s, subject, message, fix));
    }

    private void run() {
        for (Change c : plan.changes()) {
            if (c instanceof Change.DropTable d) dropTable(d.table().name(), "table");
            if (c instanceof Change.DropVirtualTable d) dropTable(d.table().name(), "virtual table");
            if (c instanceof Change.CreateIndex ci && ci.index().unique()) {
                add(LintCode.UNIQUE, Severity.WARNING, ci.index().table(), "unique index " + q(ci.index().name()) + " on "
                        + q(ci.index().table()) + " MAY fail: it does if existing rows share a value.",
                        "run `liteshift lint --db` against a copy of production, and remove duplicates in an earlier step.");
            }
            if (c instanceof Change.AlterTable a) alter(a);
        }
        for (TableMapping m : plan.rebuilds()) conversions(m);
        for (TableMapping m : plan.rebuilds()) {
            add(LintCode.REBUILD, Severity.INFO, m.to().name(), "rebuilds " + q(m.to().name()) + " (" + String.join("; ", m.reasons())
                    + "): every row is copied while the write lock is held, and the copy needs free disk space.",
                    "`liteshift lint --db` gives rows, bytes and lock time; migrate when the load is low.");
        }
    }

    private void dropTable(String name, String what) {
        add(LintCode.DROP_TABLE, Severity.WARNING, name, "drops " + what + " " + q(name) + " and every row in it.",
                "keep a backup; if it was renamed, declare the rename (-- @renamed from=" + name + ").");
        add(LintCode.ROLLING_DROP, Severity.WARNING, name, "drops " + what + " " + q(name) + ", which the application version"
                + " still running during a rolling deploy (or a replica that got the schema first) may read.", EXPAND_CONTRACT);
    }

    private void alter(Change.AlterTable a) {
        String t = a.to().name();
        List<Column> backfills = plan.mappings().stream().filter(m -> m.to() == a.to()).findFirst()
                .map(TableMapping::backfills).orElse(List.of());
        for (Alteration x : a.alterations()) {
            if (x instanceof Alteration.RenameTable r) {
                add(LintCode.ROLLING_RENAME, Severity.WARNING, t, "renames table " + q(r.from()) + " to " + q(r.to()) + ": the application"
                        + " version still running during a rolling deploy reads " + q(r.from()) + " and fails.", EXPAND_CONTRACT);
            } else if (x instanceof Alteration.RenameColumn r) {
                add(LintCode.ROLLING_RENAME, Severity.WARNING, t + "." + r.to(), "renames column " + q(t) + "." + q(r.from()) + " to "
                        + q(r.to()) + ": the application version still running during a rolling deploy reads " + q(r.from())
                        + " and fails.", EXPAND_CONTRACT);
            } else if (x instanceof Alteration.DropColumn d) {
                String col = a.from().name() + "." + d.column().name();
                add(LintCode.DROP_COLUMN, Severity.WARNING, col, "drops column " + q(t) + "." + q(d.column().name()) + " and its values.",
                        "keep a backup; if it was renamed, declare the rename (-- @renamed from=" + d.column().name() + ").");
                add(LintCode.ROLLING_DROP, Severity.WARNING, col, "drops column " + q(t) + "." + q(d.column().name()) + ", which the"
                        + " application version still running during a rolling deploy may read (SELECT * or by name).", EXPAND_CONTRACT);
            } else if (x instanceof Alteration.AddColumn add && add.column().notNull() && add.column().defaultValue() == null
                    && !add.column().isGenerated()) {
                add(LintCode.NOT_NULL, Severity.WARNING, t + "." + add.column().name(), "new column " + q(t) + "." + q(add.column().name())
                        + " is NOT NULL without a DEFAULT: it MAY fail, and does if the table has rows.", "declare a DEFAULT.");
            } else if (x instanceof Alteration.ModifyColumn mc) {
                modify(t, mc, backfills, a.to().strict());
            } else if (x instanceof Alteration.AddUnique u) {
                add(LintCode.UNIQUE, Severity.WARNING, t, "new UNIQUE " + cols(u.unique().columns()) + " on " + q(t)
                        + " MAY fail: it does if rows share a value.", "remove or change duplicates in an earlier step.");
            } else if (x instanceof Alteration.ChangePrimaryKey pk && pk.to() != null) {
                add(LintCode.PRIMARY_KEY, Severity.WARNING, t, "new PRIMARY KEY " + cols(pk.to().columns()) + " on " + q(t)
                        + " MAY fail: it does if rows share a key.", "remove or change duplicates in an earlier step.");
            } else if (x instanceof Alteration.AddCheck ck) {
                add(LintCode.CHECK, Severity.WARNING, t, "new CHECK (" + ck.check().expression() + ") on " + q(t)
                        + " MAY fail: it does if a row breaks it.", "fix those rows with an UPDATE in an earlier step.");
            } else if (x instanceof Alteration.AddForeignKey fk) {
                add(LintCode.FOREIGN_KEY, Severity.WARNING, t, "new FOREIGN KEY (" + String.join(", ", fk.foreignKey().columns()) + ") on "
                        + q(t) + " references " + q(fk.foreignKey().refTable()) + ": MAY fail, and does if a row references no row there.",
                        "delete or fix orphan rows (or set them to NULL) in an earlier step.");
            }
        }
    }

    private void modify(String t, Alteration.ModifyColumn mc, List<Column> backfills, boolean strict) {
        String subject = t + "." + mc.to().name();
        String col = q(t) + "." + q(mc.to().name());
        if (mc.to().notNull() && !mc.from().notNull()) {
            boolean filled = backfills.stream().anyMatch(b -> Identifiers.same(b.name(), mc.to().name()));
            if (filled) {
                add(LintCode.BACKFILL, Severity.INFO, subject, col + " becomes NOT NULL; existing NULLs are filled with its DEFAULT "
                        + mc.to().defaultValue() + ".", "");
            } else {
                add(LintCode.NOT_NULL, Severity.WARNING, subject, col + " becomes NOT NULL: MAY fail, and does if a row holds NULL.",
                        "declare a DEFAULT, or add a backfill UPDATE before this step.");
            }
        }
        boolean typeChanged = !SqlText.canonical(mc.from().type()).equals(SqlText.canonical(mc.to().type()));
        if (typeChanged && strict) {
            add(LintCode.STRICT_TYPE, Severity.WARNING, subject, col + " changes type to " + mc.to().type() + " in a STRICT table: MAY fail,"
                    + " and does if a value does not fit.", "convert or clear those values in an earlier step.");
        }
    }

    /** A copied column whose storage rule changes so that some values would be stored differently ({@link Conversions}). */
    private void conversions(TableMapping m) {
        for (Column c : m.to().columns()) {
            if (c.isGenerated()) continue;
            Column was = Projection.sourceColumn(m, c).flatMap(n -> m.from().column(n)).orElse(null);
            List<String> converted = Storage.converted(m.to(), c);
            // reals turned into text read back the same (infinity aside): only text and integers are worth a warning
            if (was == null || !converted.contains("text") && !converted.contains("integer")) continue;
            String from = Storage.rule(m.from(), was);
            String to = Storage.rule(m.to(), c);
            if (from.equals(to)) continue;
            add(LintCode.TYPE_CONVERSION, Severity.WARNING, m.to().name() + "." + c.name(), q(m.to().name()) + "." + q(c.name())
                    + " is copied into a column that stores values as " + to + " (now " + from + "): MAY change stored values,"
                    + " and does for every " + String.join(" or ", converted) + " value that does not read back"
                    + " the same ('007' as 7, '1' as 1.0).", "keep a type that stores the values as they are, or convert them"
                    + " explicitly in an earlier step; `liteshift lint --db` counts them.");
        }
    }

    private static String cols(List<IndexedColumn> keys) {
        return "(" + keys.stream().map(IndexedColumn::expression).collect(Collectors.joining(", ")) + ")";
    }

    private static String q(String name) {
        return Identifiers.quote(name);
    }
}
