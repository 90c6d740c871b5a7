package io.liteshift.lint;

import io.liteshift.lint.LintIssue.Severity;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.List;

/** Rules read from the statements' tokens: SQL that is unsafe in a migration whatever the schema says. */
final class StatementRules {

    /** A CREATE INDEX statement without IF NOT EXISTS: worth a note when its table is big. */
    record NewIndex(LintIssue.Location location, String table) {
    }

    private StatementRules() {
    }

    static List<LintIssue> of(String file, List<Statement> statements, List<NewIndex> indexes) {
        List<LintIssue> out = new ArrayList<>();
        boolean inTransaction = false;
        for (Statement s : statements) {
            List<Token> sig = s.significant();
            Token first = sig.get(0);
            LintIssue.Location at = LintIssue.Location.of(file, s);
            if (first.is("begin")) inTransaction = true;
            else if (first.is("commit") || first.is("end")) inTransaction = false;
            else if (Statement.isPragma(sig, "foreign_keys") && sig.size() > 2 && inTransaction) {
                out.add(new LintIssue(LintCode.FK_PRAGMA_IN_TRANSACTION, Severity.WARNING, at, "", "PRAGMA foreign_keys inside a"
                        + " transaction: SQLite ignores it there (liteshift moves it before the migration's transaction, where it"
                        + " holds for the whole migration; the sqlite3 shell or another tool running this file would not).",
                        "put it before BEGIN, as the first statement of the file."));
            } else if (first.is("vacuum")) {
                out.add(new LintIssue(LintCode.VACUUM, Severity.ERROR, at, "", "VACUUM in a migration: it cannot run inside the"
                        + " migration's transaction, and rewriting the whole file under a lock belongs to a quiet moment.",
                        "remove it; run VACUUM separately after migrating."));
            } else if (Statement.cannotRunInTransaction(sig)) { // what migrate refuses (VACUUM has its own code above)
                out.add(new LintIssue(LintCode.NOT_IN_TRANSACTION, Severity.ERROR, at, "", first.text().toUpperCase(java.util.Locale.ROOT)
                        + (Statement.isPragma(sig, "journal_mode") ? " journal_mode" : "") + " cannot run inside the migration's transaction;"
                        + " migrate refuses the file.", "remove it."));
            } else if ((first.is("update") || first.is("delete")) && sig.stream().noneMatch(t -> t.is("where"))) {
                String verb = first.is("update") ? "update" : "delete";
                LintCode code = first.is("update") ? LintCode.UPDATE_WITHOUT_WHERE : LintCode.DELETE_WITHOUT_WHERE;
                out.add(new LintIssue(code, Severity.WARNING, at, "", verb.toUpperCase(java.util.Locale.ROOT)
                        + " without WHERE changes every row of the table.",
                        "add a WHERE clause; if every row is meant, say so with `-- liteshift:lint-ignore " + code.code() + "`."));
            } else if (first.is("create")) {
                newIndex(sig, at).ifPresent(indexes::add);
            }
        }
        return out;
    }

    /** CREATE [UNIQUE] INDEX name ON table ..., without IF NOT EXISTS. */
    private static java.util.Optional<NewIndex> newIndex(List<Token> sig, LintIssue.Location at) {
        int i = 1;
        if (i < sig.size() && sig.get(i).is("unique")) i++;
        if (i >= sig.size() || !sig.get(i).is("index")) return java.util.Optional.empty();
        if (sig.size() > i + 1 && sig.get(i + 1).is("if")) return java.util.Optional.empty();
        for (int j = i + 1; j + 1 < sig.size(); j++) {
            if (sig.get(j).is("on")) return java.util.Optional.of(new NewIndex(at, sig.get(j + 1).identifier()));
        }
        return java.util.Optional.empty();
    }
}
