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
}
