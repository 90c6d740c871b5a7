package io.liteshift.sql;

import java.util.Set;

/**
 * SQLite's identifier rules: names compare case-insensitively for ASCII letters only (as sqlite3StrICmp does),
 * and are quoted on output only when they would not survive as a bare word.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** SQLite's keywords (https://sqlite.org/lang_keywords.html); a bare one would not parse as a name. */
    private static final Set<String> KEYWORDS = Set.of(
            "abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as", "asc", "attach",
            "autoincrement", "before", "begin", "between", "by", "cascade", "case", "cast", "check", "collate",
            "column", "commit", "conflict", "constraint", "create", "cross", "current", "current_date",
            "current_time", "current_timestamp", "database", "default", "deferrable", "deferred", "delete", "desc",
            "detach", "distinct", "do", "drop", "each", "else", "end", "escape", "except", "exclude", "exclusive",
            "exists", "explain", "fail", "filter", "first", "following", "for", "foreign", "from", "full",
            "generated", "glob", "group", "groups", "having", "if", "ignore", "immediate", "in", "index", "indexed",
            "initially", "inner", "insert", "instead", "intersect", "into", "is", "isnull", "join", "key", "last",
            "left", "like", "limit", "match", "materialized", "natural", "no", "not", "nothing", "notnull", "null",
            "nulls", "of", "offset", "on", "or", "order", "others", "outer", "over", "partition", "plan", "pragma",
            "preceding", "primary", "query", "raise", "range", "recursive", "references", "regexp", "reindex",
            "release", "rename", "replace", "restrict", "returning", "right", "rollback", "row", "rows",
            "savepoint", "select", "set", "table", "temp", "temporary", "then", "ties", "to", "transaction",
            "trigger", "unbounded", "union", "unique", "update", "using", "vacuum", "values", "view", "virtual",
            "when", "where", "window", "with", "without");

    /** SQLite's folding: only A-Z become a-z; every other character is kept as is. */
    public static String fold(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) sb = new StringBuilder(name);
                sb.setCharAt(i, (char) (c + 32));
            }
        }
        return sb == null ? name : sb.toString();
    }

    public static boolean same(String a, String b) {
        return a.length() == b.length() && fold(a).equals(fold(b));
    }

    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(fold(word));
    }

    /** The name as it must be written in SQL: bare when that is unambiguous, double-quoted otherwise. */
    public static String quote(String name) {
        return needsQuotes(name) ? forceQuote(name) : name;
    }

    public static String forceQuote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    private static boolean needsQuotes(String name) {
        if (name.isEmpty() || isKeyword(name)) return true;
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_')) return true;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return true;
        }
        return false;
    }

    /** Removes one level of SQLite quoting ("x", `x`, [x], 'x'); bare text is returned unchanged. */
    public static String unquote(String text) {
        if (text.length() < 2) return text;
        char open = text.charAt(0);
        char close = text.charAt(text.length() - 1);
        String inner = text.substring(1, text.length() - 1);
        return switch (open) {
            case '"' -> close == '"' ? inner.replace("\"\"", "\"") : text;
            case '`' -> close == '`' ? inner.replace("``", "`") : text;
            case '\'' -> close == '\'' ? inner.replace("''", "'") : text;
            case '[' -> close == ']' ? inner : text;
            default -> text;
        };
    }
}
