package io.liteshift.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as liteshift writes it (SARIF, and every command's {@code --json}): maps, lists, strings, numbers, booleans
 * and null, indented by two spaces with {@code "key" : value} pairs (the layout the command line has always printed,
 * so that scripts diffing two runs see no change), keys in the map's own order (a {@code LinkedHashMap} gives a
 * stable text).
 * Written here rather than with a JSON library so that the library adds no dependency for applications.
 */
public final class JsonText {
    private JsonText() {
    }

    /** {@code value} as pretty-printed JSON, without a final line break. */
    public static String of(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, 0);
        return b.toString();
    }

    private static void write(Object value, StringBuilder b, int depth) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof String s) {
            string(s, b);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            b.append(value);
        } else if (value instanceof Number n) {
            number(n, b);
        } else if (value instanceof Map<?, ?> m) {
            object(m, b, depth);
        } else if (value instanceof List<?> l) {
            array(l, b, depth);
        } else {
            // a path or a time has more than one text (relative, rendered for whom): the caller says which one
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName() + ": pass its text");
        }
    }

    private static void number(Number n, StringBuilder b) {
        double d = n.doubleValue();
        // JSON has no NaN or infinity; null says "no number" without breaking a parser
        if (Double.isNaN(d) || Double.isInfinite(d)) b.append("null");
        else b.append(n);
    }

    private static void object(Map<?, ?> m, StringBuilder b, int depth) {
        if (m.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(b, depth + 1);
            string(String.valueOf(e.getKey()), b);
            b.append(" : ");
            write(e.getValue(), b, depth + 1);
            if (it.hasNext()) b.append(',');
        }
        newline(b, depth);
        b.append('}');
    }

    private static void array(List<?> l, StringBuilder b, int depth) {
        if (l.isEmpty()) {
            b.append("[]");
            return;
        }
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
            newline(b, depth + 1);
            write(l.get(i), b, depth + 1);
            if (i < l.size() - 1) b.append(',');
        }
        newline(b, depth);
        b.append(']');
    }

    private static void newline(StringBuilder b, int depth) {
        b.append('\n').append("  ".repeat(depth));
    }

    /** RFC 8259's escapes: quote, backslash and the control characters; everything else as it is (the text is UTF-8). */
    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    // U+2028 and U+2029 are valid JSON but end a line in JavaScript; escaped, the text is safe in either
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
