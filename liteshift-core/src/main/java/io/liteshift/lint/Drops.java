package io.liteshift.lint;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.sql.Identifiers;

import java.sql.SQLException;

/**
 * {@link LintCode.Family#DESTRUCTIVE}: a dropped table loses its rows, a dropped column its values. With the rows,
 * push's data check says how many (or that nothing is lost).
 */
final class Drops implements Rule {

    @Override
    public void check(LintContext context, Issues out) throws SQLException {
        for (Change c : context.plan().changes()) {
            if (c instanceof Change.DropTable d) out.about(c, counted(context, table(d.table().name(), "table")));
            if (c instanceof Change.DropVirtualTable d) out.about(c, counted(context, table(d.table().name(), "virtual table")));
            if (c instanceof Change.AlterTable a) {
                for (Alteration x : a.alterations()) {
                    if (x instanceof Alteration.DropColumn d) out.about(a, x, counted(context, column(a, d)));
                }
            }
        }
    }

    private static LintIssue table(String name, String what) {
        return LintIssue.of(LintCode.DROP_TABLE, Severity.WARNING, name, "drops " + what + " " + Identifiers.quote(name)
                + " and every row in it.", "keep a backup; if it was renamed, declare the rename (-- @renamed from=" + name + ").");
    }

    private static LintIssue column(Change.AlterTable a, Alteration.DropColumn d) {
        String column = d.column().name();
        return LintIssue.of(LintCode.DROP_COLUMN, Severity.WARNING, a.from().name() + "." + column, "drops column "
                        + Identifiers.quote(a.to().name()) + "." + Identifiers.quote(column) + " and its values.",
                "keep a backup; if it was renamed, declare the rename (-- @renamed from=" + column + ").");
    }

    /** With the rows: the data check's count of what is lost, or a note that nothing is. */
    private static LintIssue counted(LintContext context, LintIssue drop) throws SQLException {
        if (context.counts().isEmpty()) return drop;
        return context.dataCheck().destructive().stream()
                .filter(f -> f.lintCode() == drop.lintCode() && Identifiers.same(f.subject(), drop.subject())).findFirst()
                .orElse(new LintIssue(drop.lintCode(), Severity.INFO, drop.location(), drop.subject(), drop.message()
                        + " It holds no data now.", "", Measurement.rows(0)));
    }
}
