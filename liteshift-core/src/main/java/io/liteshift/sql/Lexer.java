package io.liteshift.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens following SQLite's tokenizer rules (tokenize.c): quoted identifiers in
 * "double quotes", `backticks` and [brackets], 'strings' with doubled quotes, -- and C-style comments,
 * X'blob' literals, numbers with exponents and hex, and parameters.
 */
public final class Lexer {

    private final String src;
    private int pos;
    private int line = 1;

    private Lexer(String src) {
        this.src = src;
    }

    /** All tokens of {@code sql}, trivia included, so that the source can be reproduced from them. */
    public static List<Token> tokenize(String sql) {
        return new Lexer(sql).run();
    }

    /** Only the tokens that carry meaning. */
    public static List<Token> significant(String sql) {
        return tokenize(sql).stream().filter(t -> !t.isTrivia()).toList();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (pos < src.length()) {
            int start = pos;
            int startLine = line;
            Token.Kind kind = scan();
            String text = src.substring(start, pos);
            out.add(new Token(kind, text, start, startLine));
            line += count(text, '\n');
        }
        return out;
    }

    private Token.Kind scan() {
        char c = src.charAt(pos);
        if (Character.isWhitespace(c)) {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
            return Token.Kind.SPACE;
        }
        if (c == '-' && peek(1) == '-') {
            while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            return Token.Kind.COMMENT;
        }
        if (c == '/' && peek(1) == '*') {
            int close = src.indexOf("*/", pos + 2);
            pos = close < 0 ? src.length() : close + 2; // SQLite accepts an unterminated block comment at EOF
            return Token.Kind.COMMENT;
        }
        if (c == '\'') {
            quoted('\'', '\'', "string literal");
            return Token.Kind.STRING;
        }
        if (c == '"') {
            quoted('"', '"', "quoted identifier");
            return Token.Kind.QUOTED;
        }
        if (c == '`') {
            quoted('`', '`', "quoted identifier");
            return Token.Kind.QUOTED;
        }
        if (c == '[') {
            int close = src.indexOf(']', pos + 1);
            if (close < 0) throw unterminated("[identifier]");
            pos = close + 1;
            return Token.Kind.QUOTED;
        }
        if ((c == 'x' || c == 'X') && peek(1) == '\'') {
            pos++;
            quoted('\'', '\'', "blob literal");
            return Token.Kind.BLOB;
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            number();
            return Token.Kind.NUMBER;
        }
        if (c == '?' ) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            return Token.Kind.VARIABLE;
        }
        if ((c == ':' || c == '@' || c == '$') && isWordChar(peek(1))) {
            pos++;
            while (pos < src.length() && isWordChar(src.charAt(pos))) pos++;
            return Token.Kind.VARIABLE;
        }
        if (isWordStart(c)) {
            while (pos < src.length() && isWordChar(src.charAt(pos))) pos++;
            return Token.Kind.WORD;
        }
        pos += punctLength(c);
        return Token.Kind.PUNCT;
    }

    private int punctLength(char c) {
        String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
        if (two.equals("->") && peek(2) == '>') return 3;
        return switch (two) {
            case "||", "<=", ">=", "==", "!=", "<>", "<<", ">>", "->" -> 2;
            default -> 1;
        };
    }

    private void number() {
        if (src.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos += 2;
            while (pos < src.length() && (Character.digit(src.charAt(pos), 16) >= 0 || src.charAt(pos) == '_')) pos++;
            return;
        }
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            } else {
                pos = save;
            }
        }
    }

    private void quoted(char open, char close, String what) {
        pos++; // opening quote
        while (true) {
            int at = src.indexOf(close, pos);
            if (at < 0) throw unterminated(what);
            if (at + 1 < src.length() && src.charAt(at + 1) == close) {
                pos = at + 2;
                continue;
            }
            pos = at + 1;
            return;
        }
    }

    private SqlSyntaxException unterminated(String what) {
        return new SqlSyntaxException("unterminated " + what, line);
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : '\0';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7f;
    }

    private static boolean isWordChar(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
