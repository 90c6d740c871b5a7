package io.liteshift.inspect;

import io.liteshift.sql.Lexer;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Token;

import java.util.List;

/** Walks the significant tokens of one statement; gives back source text for token ranges. */
final class TokenCursor {
    final String sql;
    private final List<Token> tokens;
    private int i;

    TokenCursor(String sql) {
        this.sql = sql;
        this.tokens = Lexer.significant(sql);
    }

    boolean atEnd() {
        return i >= tokens.size();
    }

    Token peek() {
        return atEnd() ? null : tokens.get(i);
    }

    Token peek(int ahead) {
        return i + ahead < tokens.size() ? tokens.get(i + ahead) : null;
    }

    Token next() {
        if (atEnd()) throw error("unexpected end of statement");
        return tokens.get(i++);
    }

    boolean accept(String word) {
        Token t = peek();
        if (t != null && (t.is(word) || t.isPunct(word))) {
            i++;
            return true;
        }
        return false;
    }

    void expect(String word) {
        if (!accept(word)) throw error("expected " + word + " but found " + (atEnd() ? "end" : peek().text()));
    }

    /** Consumes an optional IF NOT EXISTS and a possibly schema-qualified name; returns the unqualified name. */
    String objectName() {
        if (accept("if")) {
            expect("not");
            expect("exists");
        }
        String name = next().identifier();
        if (accept(".")) name = next().identifier();
        return name;
    }

    /**
     * Consumes a balanced (...) group and returns the text between the outer parentheses, without comments and
     * on one line (see {@link #expressionSince}).
     */
    String parenthesized() {
        Token open = next();
        if (!open.isPunct("(")) throw error("expected ( but found " + open.text());
        int depth = 1;
        Token t = open;
        while (depth > 0) {
            t = next();
            if (t.isPunct("(")) depth++;
            else if (t.isPunct(")")) depth--;
        }
        return SqlText.inline(sql.substring(open.end(), t.start()));
    }

    /** Source text from the start of token {@code from} to the end of the last consumed token. */
    String textSince(Token from) {
        return sql.substring(from.start(), tokens.get(i - 1).end());
    }

    /**
     * {@link #textSince} without its comments, on one line ({@link SqlText#inline}): an expression that is re-used
     * inside other SQL must not carry a {@code -- comment}, which would swallow whatever follows it on the line (a
     * closing parenthesis, say), nor a line break into a message or a migration's header comment.
     */
    String expressionSince(Token from) {
        return SqlText.inline(textSince(from));
    }

    Token last() {
        return tokens.get(i - 1);
    }

    SqlSyntaxException error(String message) {
        Token at = atEnd() ? (tokens.isEmpty() ? null : tokens.get(tokens.size() - 1)) : peek();
        return new SqlSyntaxException(message, at == null ? 1 : at.line());
    }
}
