package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A migration cut into statements with SQLite's rules, and read for the lines that steer how it must run.
 * Every migration runs in one transaction with its journal row, so the file's own {@code BEGIN}/{@code COMMIT}
 * lines mark that transaction rather than open a second one, and a {@code PRAGMA foreign_keys} line takes effect
 * before the transaction starts, where SQLite honours it (inside one it is silently ignored).
 *
 * @param foreignKeysOn whether foreign keys are enforced while it runs: only when the file switches them on and
 *                      never off. By default they are off, so a table rebuild cannot fire ON DELETE actions, and
 *                      {@code foreign_key_check} runs before commit instead.
 * @param mentioned     every name the file mentions, folded: the tables whose foreign keys it can break are among them
 * @param mayOrphanChildren whether a statement can remove or change rows (or key columns) that other tables
 *                      reference; false when it only creates things, adds or renames columns and tables, and inserts
 */
record MigrationScript(Migration migration, List<Part> parts, boolean foreignKeysOn, Set<String> mentioned,
                       boolean mayOrphanChildren) {

    enum Action { RUN, CHECK_FOREIGN_KEYS }

    record Part(Statement statement, Action action) {
    }

    static MigrationScript parse(Migration m, String dir) {
        List<Statement> statements;
        try {
            statements = Scripts.split(m.sql());
        } catch (SqlSyntaxException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    dir + "/" + m.fileName() + ":" + e.line() + ": " + e.getMessage() + ". Fix the migration; nothing was applied.");
        }
        List<Part> parts = new ArrayList<>();
        Boolean on = null;
        boolean everOff = false;
        Set<String> mentioned = new HashSet<>();
        boolean orphaning = false;
        for (Statement s : statements) {
            List<Token> sig = s.significant();
            orphaning |= !keepsParentRows(sig);
            for (Token t : sig) if (t.isIdentifier() || t.kind() == Token.Kind.STRING) mentioned.add(Identifiers.fold(t.identifier()));
            String refusal = Statement.isDriverFileCommand(s.sql()) ? DRIVER_COMMAND : refusal(sig);
            if (refusal != null) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, dir + "/" + m.fileName() + ":" + s.line()
                        + ": " + refusal + "\n    " + SqlText.oneLine(s.sql()) + "\nNothing was applied.");
            }
            if (isTransactionLine(sig)) continue;
            Boolean fk = foreignKeysSetting(sig);
            if (fk != null) {
                if (!fk) everOff = true;
                on = fk;
                continue;
            }
            parts.add(new Part(s, Statement.isPragma(sig, "foreign_key_check") ? Action.CHECK_FOREIGN_KEYS : Action.RUN));
        }
        return new MigrationScript(m, List.copyOf(parts), on != null && !everOff, Set.copyOf(mentioned), orphaning);
    }

    /** Whether the file's last action is a foreign key check of everything it touches (as generated files end). */
    boolean endsWithForeignKeyCheck() {
        if (parts.isEmpty()) return false;
        Part last = parts.get(parts.size() - 1);
        return last.action() == Action.CHECK_FOREIGN_KEYS && pragmaArgument(last.statement()) == null;
    }

    /**
     * Statements that cannot take a referenced row or key column away: CREATE, a plain INSERT (no REPLACE, no
     * upsert), ALTER TABLE ... ADD or RENAME, SELECT, PRAGMA, and the transaction lines. Anything else counts as able to.
     */
    private static boolean keepsParentRows(List<Token> sig) {
        Token first = sig.get(0);
        if (first.is("create") || first.is("select") || first.is("pragma") || isTransactionLine(sig)) return true;
        if (first.is("insert")) {
            return !(sig.size() > 2 && sig.get(1).is("or") && sig.get(2).is("replace")) && sig.stream().noneMatch(t -> t.is("conflict"));
        }
        if (first.is("alter") && sig.size() > 4) {
            int i = sig.get(3).isPunct(".") ? 5 : 3; // ALTER TABLE [schema.]name ...
            return i < sig.size() && (sig.get(i).is("add") || sig.get(i).is("rename"));
        }
        return false;
    }

    private static final String DRIVER_COMMAND = "this is not SQL but the JDBC driver's command to copy a whole database"
            + " to or from a file (backup ... to / restore ... from), which the driver would run as it is. A migration changes"
            + " its own database only: remove it (liteshift backup and liteshift restore do this safely).";

    /** Why a statement cannot be part of a migration, or null when it can. */
    private static String refusal(List<Token> sig) {
        if (Statement.setsProcessDirectory(sig)) {
            return "this PRAGMA moves the temporary files of every SQLite connection in the process (the application's"
                    + " too), and it is deprecated. Remove it; set SQLITE_TMPDIR or TMPDIR for the process if temporary files"
                    + " must go elsewhere.";
        }
        if (!Statement.cannotRunInTransaction(sig)) return null;
        Token first = sig.get(0);
        if (Statement.isRollbackOfTransaction(sig)) {
            return "a migration cannot ROLLBACK its own transaction: liteshift applies it whole or not at all."
                    + " Remove the ROLLBACK (a failing statement already rolls the migration back).";
        }
        if (first.is("vacuum")) {
            return "VACUUM cannot run inside a transaction, and a migration runs in one."
                    + " Remove it and run VACUUM separately after migrating, when the database is quiet.";
        }
        if (first.is("attach") || first.is("detach")) {
            return first.text().toUpperCase() + " cannot run inside a transaction, and a migration runs in one."
                    + " Work on one database per migrations directory.";
        }
        return "the journal mode cannot change inside a transaction, and a migration runs in one."
                + " Set it where the application opens its connections, or once with the sqlite3 shell.";
    }

    private static boolean isTransactionLine(List<Token> sig) {
        Token first = sig.get(0);
        return first.is("begin") || first.is("commit") || first.is("end");
    }

    /** TRUE/FALSE for {@code PRAGMA foreign_keys = ON/OFF} (in any of SQLite's spellings), null for anything else. */
    private static Boolean foreignKeysSetting(List<Token> sig) {
        if (!Statement.isPragma(sig, "foreign_keys")) return null;
        Token value = sig.get(sig.size() - 1).isPunct(")") ? sig.get(sig.size() - 2) : sig.get(sig.size() - 1);
        if (value.is("foreign_keys")) return null; // a query of the setting, harmless
        String v = Identifiers.fold(value.identifier());
        return v.equals("on") || v.equals("1") || v.equals("true") || v.equals("yes");
    }

    /** {@code t} for {@code PRAGMA foreign_key_check(t)}, null without an argument. */
    static String pragmaArgument(Statement s) {
        List<Token> sig = s.significant();
        for (int i = 0; i + 2 < sig.size(); i++) {
            if (sig.get(i).isPunct("(")) return sig.get(i + 1).identifier();
        }
        return null;
    }
}
