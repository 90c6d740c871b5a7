package io.liteshift.sql;

/**
 * One lexical token of SQLite SQL, with its position in the source text.
 *
 * @param kind  what the token is
 * @param text  the exact source text of the token
 * @param start offset of the first character in the source
 * @param line  1-based line of the first character
 */
public record Token(Kind kind, String text, int start, int line) {

    public enum Kind { WORD, QUOTED, STRING, NUMBER, BLOB, VARIABLE, PUNCT, COMMENT, SPACE }

    public int end() {
        return start + text.length();
    }

    /** Whitespace and comments carry no meaning for SQLite. */
    public boolean isTrivia() {
        return kind == Kind.SPACE || kind == Kind.COMMENT;
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** True when this is the bare word {@code word} (keywords compare case-insensitively). */
    public boolean is(String word) {
        return kind == Kind.WORD && Identifiers.same(text, word);
    }

    public boolean isPunct(String p) {
        return kind == Kind.PUNCT && text.equals(p);
    }

    /** The identifier this token names: quotes removed and doubled quotes collapsed. */
    public String identifier() {
        return switch (kind) {
            case QUOTED, STRING -> Identifiers.unquote(text);
            default -> text;
        };
    }
}
