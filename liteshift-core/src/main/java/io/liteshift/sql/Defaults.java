package io.liteshift.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a column's DEFAULT means to SQLite (parse.y, {@code ccons ::= DEFAULT ...}), as the text
 * {@code PRAGMA table_info} reports: a literal, a signed literal, {@code CURRENT_TIME/DATE/TIMESTAMP}, an
 * expression (reported without its parentheses), or a bare name, which SQLite stores as text:
 * {@code DEFAULT hello} and {@code DEFAULT "hello"} both give {@code 'hello'}, and {@code TRUE}/{@code FALSE} give 1/0.
 */
public final class Defaults {

    /** The words that are values, not names, after DEFAULT. */
    private static final Set<String> VALUE_WORDS = Set.of("null", "true", "false", "current_time", "current_date",
            "current_timestamp");

    private Defaults() {
    }

    /**
     * The DEFAULT as an expression with the same value, to put where SQL expects one: {@code coalesce(x, DEFAULT)}
     * in a copy, {@code UPDATE ... SET x = DEFAULT}, a SELECT of the values a new column gets. A bare name becomes
     * a string literal (as an expression it would be a column), anything longer than one token is parenthesised,
     * comments go.
     */
    public static String asExpression(String dflt) {
        if (dflt == null) return null;
        List<Token> t = Lexer.significant(dflt);
        if (t.size() == 1) {
            Token only = t.get(0);
            if (only.kind() == Token.Kind.QUOTED) return Identifiers.literal(only.identifier());
            if (only.kind() == Token.Kind.WORD && !VALUE_WORDS.contains(only.text().toLowerCase(Locale.ROOT))) {
                return Identifiers.literal(only.text());
            }
            return only.text();
        }
        return "(" + SqlText.inline(dflt) + ")";
    }

    /**
     * The form two DEFAULTs are compared by: equal when SQLite stores the same value for both ({@code hello},
     * {@code "hello"}, {@code 'hello'} and {@code ('hello')}; {@code TRUE} and {@code 1}; {@code +1.5} and {@code 1.5}).
     */
    public static String canonical(String dflt) {
        if (dflt == null) return null;
        String c = SqlText.canonicalExpression(asExpression(dflt));
        return switch (c) {
            case "true" -> "1";
            case "false" -> "0";
            default -> c.startsWith("+ ") && !c.substring(2).contains(" ") ? c.substring(2) : c;
        };
    }
}
