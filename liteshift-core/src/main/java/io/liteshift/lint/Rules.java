package io.liteshift.lint;

import java.sql.SQLException;
import java.util.List;

/** The one list of lint rules, and how it runs over a change. */
final class Rules {
    /**
     * Every rule. Findings about the same statement, change or table are listed in this order: what the plan
     * destroys before what it breaks for a rolling deploy, what the rows decide before what a rebuild costs.
     */
    static final List<Rule> ALL = List.of(
            new UnsafeStatements(), new Drops(), new RollingDeploy(), new DataDependent(), new TableRebuilds(), new FreeSpace(),
            new BigIndexes());

    private Rules() {
    }

    /** Every rule's findings about {@code context}, in {@link Issues}' order, each placed in the migration. */
    static List<LintIssue> check(LintContext context) throws SQLException {
        Issues out = new Issues(context);
        for (Rule r : ALL) r.check(context, out);
        return out.inOrder();
    }
}
