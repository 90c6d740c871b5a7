package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.Token;

/**
 * The {@code -- liteshift:online} line that {@code generate --online} writes into a migration's header: its table
 * rebuilds run online (copied in short chunks while the application writes, then swapped in one brief transaction)
 * instead of inside the migration's one transaction. A header line, so that a reviewer sees it first; one further
 * down, after a statement, is refused rather than silently ignored.
 */
public final class OnlineDirective {
    /** The line as it is written, alone on its line. */
    public static final String LINE = "-- liteshift:online";

    private OnlineDirective() {
    }

    /**
     * Whether {@code sql} (a migration's text, {@code fileName} for messages) carries the directive in its header.
     *
     * @throws LiteShiftException INVALID_INPUT at file:line for a directive after the first statement
     */
    public static boolean in(String sql, String fileName) {
        if (!sql.contains(LINE)) return false; // most migrations: no tokenizing
        boolean seenStatement = false;
        boolean found = false;
        for (Token t : Lexer.tokenize(sql)) {
            if (t.kind() == Token.Kind.COMMENT) {
                if (!t.text().strip().equals(LINE)) continue;
                if (seenStatement) {
                    throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, fileName + ":" + t.line()
                            + ": the line `" + LINE + "` belongs in the migration's header, before its first statement, where"
                            + " a reviewer reads it. Move it there (then run `"
                            + io.liteshift.Fix.command(io.liteshift.Fix.Command.HASH) + "`); nothing was applied.");
                }
                found = true;
            } else if (!t.isTrivia()) {
                seenStatement = true;
            }
        }
        return found;
    }

    /** As {@link #in(String, String)}, for a migration of the directory. */
    public static boolean in(Migration m) {
        return in(m.sql(), m.fileName());
    }

    /** The header's lines with the directive after the first line (the file name), as generate writes it. */
    static String withDirective(String header) {
        int eol = header.indexOf('\n');
        return header.substring(0, eol + 1) + LINE + "\n" + header.substring(eol + 1);
    }
}
