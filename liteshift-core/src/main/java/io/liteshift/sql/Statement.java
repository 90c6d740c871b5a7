package io.liteshift.sql;

import java.util.List;

/**
 * One SQL statement cut from a script.
 *
 * @param sql     the statement text without the terminating semicolon and surrounding trivia
 * @param line    the 1-based line where the statement's first significant token is
 * @param leading comments that stand before the statement (after the previous one), in order
 * @param tokens  every token of the statement text, trivia included
 */
public record Statement(String sql, int line, List<Token> leading, List<Token> tokens) {

    public List<Token> significant() {
        return tokens.stream().filter(t -> !t.isTrivia()).toList();
    }

    /** Whether the significant tokens {@code sig} are {@code PRAGMA [schema.]name ...}. */
    public static boolean isPragma(List<Token> sig, String name) {
        if (!sig.get(0).is("pragma") || sig.size() < 2) return false;
        int i = sig.size() > 3 && sig.get(2).isPunct(".") ? 3 : 1;
        return sig.get(i).is(name);
    }

    /**
     * Whether the significant tokens {@code sig} are a statement that cannot be part of a transaction opened around
     * it, as every migration's is (so migrate refuses the file): VACUUM, ATTACH, DETACH, {@code PRAGMA journal_mode},
     * or a ROLLBACK of the transaction itself ({@code ROLLBACK [TRANSACTION] TO} a savepoint is fine).
     */
    public static boolean cannotRunInTransaction(List<Token> sig) {
        Token first = sig.get(0);
        return isRollbackOfTransaction(sig) || first.is("vacuum") || first.is("attach") || first.is("detach")
                || isPragma(sig, "journal_mode");
    }

    /**
     * Whether the statement text is one of the JDBC driver's own commands, {@code backup [db] to FILE} and
     * {@code restore [db] from FILE}: the driver takes any text that starts with those letters (its rule, mirrored
     * here) before SQLite sees it, and copies a whole database to or from a file. They are not SQL.
     */
    public static boolean isDriverFileCommand(String sql) {
        return sql.regionMatches(true, 0, "backup", 0, 6) || sql.regionMatches(true, 0, "restore", 0, 7);
    }

    /**
     * Whether the significant tokens are {@code PRAGMA temp_store_directory} or {@code data_store_directory}
     * with a value: it moves the temporary files of every connection in the process, not only this one's.
     */
    public static boolean setsProcessDirectory(List<Token> sig) {
        return (isPragma(sig, "temp_store_directory") || isPragma(sig, "data_store_directory")) && sig.size() > 2
                && (sig.get(sig.size() - 2).isPunct("=") || sig.get(sig.size() - 1).isPunct(")"));
    }

    /** ROLLBACK [TRANSACTION], not ROLLBACK [TRANSACTION] TO a savepoint. */
    public static boolean isRollbackOfTransaction(List<Token> sig) {
        return sig.get(0).is("rollback") && !(sig.size() > 1 && (sig.get(1).is("to") || sig.size() > 2 && sig.get(2).is("to")));
    }
}
