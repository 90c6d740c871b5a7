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

    /** A name for the rowid that no column of the table shadows (columns may be called rowid or oid). */
    static String rowid(java.util.Collection<String> columnNames) {
        java.util.List<String> folded = columnNames.stream().map(Names::fold).toList();
        return java.util.stream.Stream.of("rowid", "_rowid_", "oid").filter(n -> !folded.contains(n)).findFirst()
                .orElseThrow(() -> new IllegalStateException("every rowid alias is a column: " + columnNames));
    }

    static String literal(Object value) {
        if (value == null) return "NULL";
        if (value instanceof String s) return '\'' + s.replace("'", "''") + '\'';
        if (value instanceof byte[] b) return "X'" + HexFormat.of().formatHex(b) + "'";
        return value.toString();
    }
}
