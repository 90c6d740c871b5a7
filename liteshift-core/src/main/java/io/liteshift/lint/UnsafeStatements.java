package io.liteshift.lint;

import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.List;
import java.util.Locale;

/**
 * {@link LintCode.Family#UNSAFE_SQL}: statements that are unsafe in a migration whatever the schema says. SQLite
 * ignores {@code PRAGMA foreign_keys} inside a transaction (which is how other tools' rebuilds delete {@code ON
 * DELETE CASCADE} children); VACUUM, ATTACH, DETACH, {@code PRAGMA journal_mode} and a ROLLBACK cannot run inside the
 * transaction every migration runs in, so migrate refuses the file; UPDATE and DELETE without WHERE change every row.
 */
final class UnsafeStatements implements Rule {

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
            } else if (first.is("vacuum")) {
                out.at(s, LintIssue.of(LintCode.VACUUM, Severity.ERROR, "", "VACUUM in a migration: it cannot run inside the"
                        + " migration's transaction, and rewriting the whole file under a lock belongs to a quiet moment.",
                        "remove it; run VACUUM separately after migrating."));
            } else if (Statement.cannotRunInTransaction(sig)) { // what migrate refuses (VACUUM has its own code above)
                out.at(s, LintIssue.of(LintCode.NOT_IN_TRANSACTION, Severity.ERROR, "", first.text().toUpperCase(Locale.ROOT)
                        + (Statement.isPragma(sig, "journal_mode") ? " journal_mode" : "") + " cannot run inside the migration's"
                        + " transaction; migrate refuses the file.", "remove it."));
            } else if ((first.is("update") || first.is("delete")) && sig.stream().noneMatch(t -> t.is("where"))) {
                boolean update = first.is("update");
                LintCode code = update ? LintCode.UPDATE_WITHOUT_WHERE : LintCode.DELETE_WITHOUT_WHERE;
                out.at(s, LintIssue.of(code, Severity.WARNING, "", (update ? "UPDATE" : "DELETE") + " without WHERE changes every"
                        + " row of the table.", "add a WHERE clause; if every row is meant, say so with `-- liteshift:lint-ignore "
                        + code.code() + "`."));
            }
        }
    }
}
