package io.liteshift.lint;

import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.List;

/**
 * {@link LintCode#FK_PRAGMA_IN_TRANSACTION}: SQLite ignores {@code PRAGMA foreign_keys} inside a transaction, which
 * is how other tools' rebuilds delete {@code ON DELETE CASCADE} children.
 */
final class ForeignKeysPragma implements Rule {

    @Override
    public void check(LintContext context, Issues out) {
        boolean inTransaction = false;
        for (Statement s : context.statements()) {
            List<Token> sig = s.significant();
            Token first = sig.get(0);
            if (first.is("begin")) {
                inTransaction = true;
            } else if (first.is("commit") || first.is("end")) {
                inTransaction = false;
            } else if (inTransaction && Statement.isPragma(sig, "foreign_keys") && sig.size() > 2) {
                out.at(s, LintIssue.of(LintCode.FK_PRAGMA_IN_TRANSACTION, Severity.WARNING, "", "PRAGMA foreign_keys inside a"
                        + " transaction: SQLite ignores it there (liteshift moves it before the migration's transaction, where it"
                        + " holds for the whole migration; the sqlite3 shell or another tool running this file would not).",
                        "put it before BEGIN, as the first statement of the file."));
            }
        }
    }
}
