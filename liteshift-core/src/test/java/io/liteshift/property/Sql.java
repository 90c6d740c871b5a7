package io.liteshift.property;

import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        return quoted(name);
    }

    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Words after DEFAULT that are values, not names. */
    private static final Set<String> VALUE_WORDS = Set.of("null", "true", "false", "current_time", "current_date", "current_timestamp");
    private static final Pattern QUOTED_NAME = Pattern.compile("\"(.*)\"|`(.*)`|\\[(.*)]", Pattern.DOTALL);

    /**
     * A DEFAULT clause's value as an expression, for the oracle's own backfill: SQLite stores a bare or quoted name
     * after DEFAULT as text ({@code DEFAULT hello} is 'hello'); anything else is an expression already, put in
     * parentheses on their own line so that a trailing line comment stays inside.
     */
    static String defaultValue(String defaultSql) {
        String d = defaultSql.strip();
        if (BARE.matcher(d).matches() && !VALUE_WORDS.contains(d.toLowerCase())) return literal(d);
        Matcher q = QUOTED_NAME.matcher(d);
        if (q.matches()) {
            String inner = q.group(1) != null ? q.group(1).replace("\"\"", "\"") : q.group(2) != null ? q.group(2).replace("``", "`") : q.group(3);
            return literal(inner);
        }
        return "(" + d + "\n)";
    }

    /** A name for the rowid that no column of the table shadows (columns may be called rowid or oid). */
    static String rowid(Collection<String> columnNames) {
        List<String> folded = columnNames.stream().map(Names::fold).toList();
        return Stream.of("rowid", "_rowid_", "oid").filter(n -> !folded.contains(n)).findFirst()
                .orElseThrow(() -> new IllegalStateException("every rowid alias is a column: " + columnNames));
    }

    static String literal(Object value) {
        if (value == null) return "NULL";
        if (value instanceof String s) return '\'' + s.replace("'", "''") + '\'';
        if (value instanceof byte[] b) return "X'" + HexFormat.of().formatHex(b) + "'";
        return value.toString();
    }
}
