package io.liteshift.lint;

import java.sql.SQLException;

/**
 * One lint rule: it reads what it needs of one change from the context (the plan, the migration's statements, the
 * rows when a database is read) and reports its findings, each about the statement, change or table it concerns.
 * Every rule is listed once, in {@link Rules#ALL}; a rule reports the codes of one {@link LintCode.Family}.
 */
interface Rule {
    void check(LintContext context, Issues out) throws SQLException;
}
