package io.liteshift.lint;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import static io.liteshift.sql.Identifiers.quote;

/**
 * {@link LintCode.Family#DATA_DEPENDENT}: a constraint, a NOT NULL or a type the existing rows may not satisfy.
 * Without the rows, what MAY fail; with them, push's data check counts what does, and nothing is said of the rest.
 */
final class DataDependent implements Rule {

    @Override
    public void check(LintContext context, Issues out) throws SQLException {
        if (context.counts().isPresent()) counted(context, out);
        else predicted(context, out);
    }

    /**
     * The rows that break the plan, and the NULLs it fills. A count is of the rows before the file runs: where the file
     * changes them itself before the step (a backfill, say), an error is only a warning.
     */
    private static void counted(LintContext context, Issues out) throws SQLException {
        Findings found = context.dataCheck();
        for (LintIssue f : found.violations()) {
            if (context.writes(f.subjectTable())) {
                f = LintIssue.of(f.lintCode(), Severity.WARNING, f.subject(), f.message() + " (counted before this file's own"
                        + " UPDATE/INSERT/DELETE statements on " + f.subject() + " run; they may fix it)", f.fix(), f.measured());
            }
            out.counted(f);
        }
        found.notes().forEach(out::counted);
    }

    private static void predicted(LintContext context, Issues out) {
        for (Change c : context.plan().changes()) {
            if (c instanceof Change.CreateIndex ci && ci.index().unique()) {
                out.about(c, mayFail(LintCode.UNIQUE, ci.index().table(), "unique index " + quote(ci.index().name()) + " on "
                        + quote(ci.index().table()) + " MAY fail: it does if existing rows share a value.",
                        "run `liteshift lint --db` against a copy of production, and remove duplicates in an earlier step."));
            }
            if (c instanceof Change.AlterTable a) {
                List<Column> backfills = context.plan().mappings().stream().filter(m -> m.to() == a.to()).findFirst()
                        .map(TableMapping::backfills).orElse(List.of());
                for (Alteration x : a.alterations()) alteration(a, x, backfills, out);
            }
        }
        for (TableMapping m : context.plan().rebuilds()) conversions(m, out);
    }

    private static void alteration(Change.AlterTable a, Alteration x, List<Column> backfills, Issues out) {
        String t = a.to().name();
        if (x instanceof Alteration.AddColumn add && add.column().notNull() && add.column().defaultValue() == null
                && !add.column().isGenerated()) {
            out.about(a, x, mayFail(LintCode.NOT_NULL, t + "." + add.column().name(), "new column " + quote(t) + "."
                    + quote(add.column().name()) + " is NOT NULL without a DEFAULT: it MAY fail, and does if the table has rows.",
                    "declare a DEFAULT."));
        } else if (x instanceof Alteration.ModifyColumn mc) {
            modify(a, mc, backfills, out);
        } else if (x instanceof Alteration.AddUnique u) {
            out.about(a, x, mayFail(LintCode.UNIQUE, t, "new UNIQUE " + cols(u.unique().columns()) + " on " + quote(t)
                    + " MAY fail: it does if rows share a value.", "remove or change duplicates in an earlier step."));
        } else if (x instanceof Alteration.ChangePrimaryKey pk && pk.to() != null) {
            out.about(a, x, mayFail(LintCode.PRIMARY_KEY, t, "new PRIMARY KEY " + cols(pk.to().columns()) + " on " + quote(t)
                    + " MAY fail: it does if rows share a key.", "remove or change duplicates in an earlier step."));
        } else if (x instanceof Alteration.AddCheck ck) {
            out.about(a, x, mayFail(LintCode.CHECK, t, "new CHECK (" + ck.check().expression() + ") on " + quote(t)
                    + " MAY fail: it does if a row breaks it.", "fix those rows with an UPDATE in an earlier step."));
        } else if (x instanceof Alteration.AddForeignKey fk) {
            out.about(a, x, mayFail(LintCode.FOREIGN_KEY, t, "new FOREIGN KEY (" + String.join(", ", fk.foreignKey().columns())
                    + ") on " + quote(t) + " references " + quote(fk.foreignKey().refTable()) + ": MAY fail, and does if a row"
                    + " references no row there.", "delete or fix orphan rows (or set them to NULL) in an earlier step."));
        }
    }

    private static void modify(Change.AlterTable a, Alteration.ModifyColumn mc, List<Column> backfills, Issues out) {
        String subject = a.to().name() + "." + mc.to().name();
        String col = quote(a.to().name()) + "." + quote(mc.to().name());
        if (mc.to().notNull() && !mc.from().notNull()) {
            boolean filled = backfills.stream().anyMatch(b -> Identifiers.same(b.name(), mc.to().name()));
            if (filled) {
                out.about(a, mc, LintIssue.of(LintCode.BACKFILL, Severity.INFO, subject, col + " becomes NOT NULL; existing NULLs"
                        + " are filled with its DEFAULT " + mc.to().defaultValue() + ".", ""));
            } else {
                out.about(a, mc, mayFail(LintCode.NOT_NULL, subject, col + " becomes NOT NULL: MAY fail, and does if a row holds NULL.",
                        "declare a DEFAULT, or add a backfill UPDATE before this step."));
            }
        }
        boolean typeChanged = !SqlText.canonical(mc.from().type()).equals(SqlText.canonical(mc.to().type()));
        if (typeChanged && a.to().strict()) {
            out.about(a, mc, mayFail(LintCode.STRICT_TYPE, subject, col + " changes type to " + mc.to().type() + " in a STRICT"
                    + " table: MAY fail, and does if a value does not fit.", "convert or clear those values in an earlier step."));
        }
    }

    /** A copied column whose storage rule changes so that some values would be stored differently ({@link Conversions}). */
    private static void conversions(TableMapping m, Issues out) {
        for (Column c : m.to().columns()) {
            if (c.isGenerated()) continue;
            Column was = Projection.sourceColumn(m, c).flatMap(n -> m.from().column(n)).orElse(null);
            List<String> converted = Storage.converted(m.to(), c);
            // reals turned into text read back the same (infinity aside): only text and integers are worth a warning
            if (was == null || !converted.contains("text") && !converted.contains("integer")) continue;
            String from = Storage.rule(m.from(), was);
            String to = Storage.rule(m.to(), c);
            if (from.equals(to)) continue;
            out.aboutTable(mayFail(LintCode.TYPE_CONVERSION, m.to().name() + "." + c.name(), quote(m.to().name()) + "." + quote(c.name())
                    + " is copied into a column that stores values as " + to + " (now " + from + "): MAY change stored values,"
                    + " and does for every " + String.join(" or ", converted) + " value that does not read back"
                    + " the same ('007' as 7, '1' as 1.0).", "keep a type that stores the values as they are, or convert them"
                    + " explicitly in an earlier step; `liteshift lint --db` counts them."));
        }
    }

    private static LintIssue mayFail(LintCode code, String subject, String message, String fix) {
        return LintIssue.of(code, Severity.WARNING, subject, message, fix);
    }

    private static String cols(List<IndexedColumn> keys) {
        return "(" + keys.stream().map(IndexedColumn::expression).collect(Collectors.joining(", ")) + ")";
    }
}
