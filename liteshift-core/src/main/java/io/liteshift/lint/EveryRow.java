package io.liteshift.lint;

import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.List;

/** {@link LintCode#UPDATE_WITHOUT_WHERE}, {@link LintCode#DELETE_WITHOUT_WHERE}: a statement that changes every row. */
final class EveryRow implements Rule {

    @Override
    public void check(LintContext context, Issues out) {
        for (Statement s : context.statements()) {
            List<Token> sig = s.significant();
            Token first = sig.get(0);
            if (!(first.is("update") || first.is("delete")) || sig.stream().anyMatch(t -> t.is("where"))) continue;
            boolean update = first.is("update");
            LintCode code = update ? LintCode.UPDATE_WITHOUT_WHERE : LintCode.DELETE_WITHOUT_WHERE;
            out.at(s, LintIssue.of(code, Severity.WARNING, "", (update ? "UPDATE" : "DELETE") + " without WHERE changes every"
                    + " row of the table.", "add a WHERE clause; if every row is meant, say so with `-- liteshift:lint-ignore "
                    + code.code() + "`."));
        }
    }
}
