package io.liteshift.lint;

import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.List;
import java.util.Locale;

/**
 * {@link LintCode#VACUUM}, {@link LintCode#NOT_IN_TRANSACTION}: statements that cannot run inside the transaction
 * every migration runs in, so migrate refuses the file.
 */
final class OutsideTransaction implements Rule {

    @Override
    public void check(LintContext context, Issues out) {
        for (Statement s : context.statements()) {
            List<Token> sig = s.significant();
            Token first = sig.get(0);
            if (first.is("vacuum")) {
                out.at(s, LintIssue.of(LintCode.VACUUM, Severity.ERROR, "", "VACUUM in a migration: it cannot run inside the"
                        + " migration's transaction, and rewriting the whole file under a lock belongs to a quiet moment.",
                        "remove it; run VACUUM separately after migrating."));
            } else if (Statement.cannotRunInTransaction(sig)) { // what migrate refuses (VACUUM has its own code above)
                out.at(s, LintIssue.of(LintCode.NOT_IN_TRANSACTION, Severity.ERROR, "", first.text().toUpperCase(Locale.ROOT)
                        + (Statement.isPragma(sig, "journal_mode") ? " journal_mode" : "") + " cannot run inside the migration's"
                        + " transaction; migrate refuses the file.", "remove it."));
            }
        }
    }
}
