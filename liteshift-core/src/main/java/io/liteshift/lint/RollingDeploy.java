package io.liteshift.lint;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;

import static io.liteshift.sql.Identifiers.quote;

/**
 * {@link LintCode.Family#ROLLING_DEPLOY}: the application version that still runs while the new one deploys (or a
 * replica that got the schema first) reads a name the plan drops or renames.
 */
final class RollingDeploy implements Rule {
    private static final String EXPAND_CONTRACT = "expand/contract: add the new one, deploy code that uses it, backfill, and drop"
            + " the old one in a later release.";

    @Override
    public void check(LintContext context, Issues out) {
        for (Change c : context.plan().changes()) {
            if (c instanceof Change.DropTable d) out.about(c, droppedTable(d.table().name(), "table"));
            if (c instanceof Change.DropVirtualTable d) out.about(c, droppedTable(d.table().name(), "virtual table"));
            if (c instanceof Change.AlterTable a) {
                for (Alteration x : a.alterations()) alteration(a, x, out);
            }
        }
    }

    private static LintIssue droppedTable(String name, String what) {
        return LintIssue.of(LintCode.ROLLING_DROP, Severity.WARNING, name, "drops " + what + " " + quote(name) + ", which the"
                + " application version still running during a rolling deploy (or a replica that got the schema first) may read.",
                EXPAND_CONTRACT);
    }

    private static void alteration(Change.AlterTable a, Alteration x, Issues out) {
        String t = a.to().name();
        if (x instanceof Alteration.RenameTable r) {
            out.about(a, x, LintIssue.of(LintCode.ROLLING_RENAME, Severity.WARNING, t, "renames table " + quote(r.from()) + " to "
                    + quote(r.to()) + ": the application version still running during a rolling deploy reads " + quote(r.from())
                    + " and fails.", EXPAND_CONTRACT));
        } else if (x instanceof Alteration.RenameColumn r) {
            out.about(a, x, LintIssue.of(LintCode.ROLLING_RENAME, Severity.WARNING, t + "." + r.to(), "renames column " + quote(t)
                    + "." + quote(r.from()) + " to " + quote(r.to()) + ": the application version still running during a rolling"
                    + " deploy reads " + quote(r.from()) + " and fails.", EXPAND_CONTRACT));
        } else if (x instanceof Alteration.DropColumn d) {
            out.about(a, x, LintIssue.of(LintCode.ROLLING_DROP, Severity.WARNING, a.from().name() + "." + d.column().name(),
                    "drops column " + quote(t) + "." + quote(d.column().name()) + ", which the application version still running"
                            + " during a rolling deploy may read (SELECT * or by name).", EXPAND_CONTRACT));
        }
    }
}
