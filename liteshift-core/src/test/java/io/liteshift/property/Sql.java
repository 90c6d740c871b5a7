package io.liteshift.property;

import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/** SQL spelling for the generated schemas and rows, written independently of the engine's own helpers. */
final class Sql {
    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The keywords among the generated names (and a few more); these must be quoted. */
    private static final Set<String> KEYWORDS = Set.of("order", "group", "select", "key", "index", "from", "desc",
            "default", "check", "when", "table", "values", "primary", "references", "unique", "not", "null");

    private Sql() {
    }

    /** Bare when that parses, double-quoted otherwise, so both spellings reach the engine. */
    static String name(String name) {
        if (BARE.matcher(name).matches() && !KEYWORDS.contains(name.toLowerCase())) return name;
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(Object value) {
        if (value == null) return "NULL";
        if (value instanceof String s) return '\'' + s.replace("'", "''") + '\'';
        if (value instanceof byte[] b) return "X'" + HexFormat.of().formatHex(b) + "'";
        return value.toString();
    }
}
