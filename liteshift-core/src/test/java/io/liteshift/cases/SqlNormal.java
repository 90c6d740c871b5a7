package io.liteshift.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text normalisation for the parts of a schema that SQLite only keeps as text (CHECK bodies, defaults, views,
 * triggers, index expressions): the same SQL written with other spacing, quoting or letter case compares equal.
 * Deliberately crude and independent of the engine's lexer, so that the oracle cannot share the engine's mistakes.
 */
final class SqlNormal {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern AROUND_PUNCTUATION = Pattern.compile("\\s*([(),=<>+*/-])\\s*");
    private static final Pattern CHECK = Pattern.compile("\\bcheck\\s*\\(", Pattern.CASE_INSENSITIVE);

    private SqlNormal() {
    }

    static String sql(String s) {
        String t = spaces(s);
        t = t.replaceAll("\"([^\"]*)\"", "$1").replaceAll("`([^`]*)`", "$1").replaceAll("\\[([^\\]]*)]", "$1");
        t = AROUND_PUNCTUATION.matcher(t).replaceAll("$1");
        return t.toLowerCase(Locale.ROOT);
    }

    /** A default as pragma table_xinfo reports it, without the parentheses an expression default must be written in. */
    static String defaultValue(String d) {
        if (d == null) return null;
        String t = d.strip();
        while (t.startsWith("(") && t.endsWith(")") && t.chars().filter(ch -> ch == '(').count() == 1) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return sql(t);
    }

    /** The bodies of every CHECK in a CREATE TABLE statement, normalised and sorted. */
    static List<String> checks(String createTable) {
        List<String> out = new ArrayList<>();
        Matcher m = CHECK.matcher(createTable);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int depth = 0;
            int j = open;
            for (; j < createTable.length(); j++) {
                char ch = createTable.charAt(j);
                if (ch == '(') depth++;
                else if (ch == ')' && --depth == 0) break;
                else if (ch == '\'') j = Math.max(j, createTable.indexOf('\'', j + 1));
            }
            out.add(sql(createTable.substring(open + 1, Math.min(j, createTable.length()))));
            from = Math.min(j + 1, createTable.length());
        }
        Collections.sort(out);
        return out;
    }

    private static String spaces(String s) {
        String t = SPACE.matcher(s == null ? "" : s.strip()).replaceAll(" ");
        while (t.endsWith(";")) t = t.substring(0, t.length() - 1);
        return t.strip();
    }
}
