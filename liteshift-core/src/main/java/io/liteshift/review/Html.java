package io.liteshift.review;

import java.util.Locale;

/**
 * Text from users (SQL, names, messages) made safe to put into the page: markup characters escaped, and characters
 * a reader could not see, or that would reorder what they see, shown as marks. The page is also well-formed XML,
 * so characters XML forbids are replaced too.
 */
final class Html {
    private Html() {
    }

    /** For element content. */
    static String text(String s) {
        return escape(visible(s), false);
    }

    /** For a double- or single-quoted attribute value. */
    static String attr(String s) {
        return escape(visible(s), true);
    }

    /**
     * {@code s} with control characters as their Unicode control pictures (U+241B for ESC), bidirectional
     * formatting characters as {@code [U+202E]} (they could make SQL read differently from how it runs), and
     * unpaired surrogates or non-characters as U+FFFD.
     */
    static String visible(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            String replacement = replacement(cp);
            if (replacement != null && sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (sb != null) {
                if (replacement != null) sb.append(replacement);
                else sb.appendCodePoint(cp);
            }
            i += len;
        }
        return sb == null ? s : sb.toString();
    }

    private static String replacement(int cp) {
        if (cp == '\t') return null;
        if (cp < 0x20) return String.valueOf((char) (0x2400 + cp));
        if (cp == 0x7F) return "\u2421";
        if (cp >= 0x80 && cp < 0xA0) return "[U+" + hex(cp) + "]";
        if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return "[U+" + hex(cp) + "]";
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return "\uFFFD";
        return null;
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "%04X", cp);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\'' -> attribute ? "&#39;" : null;
                default -> null;
            };
            if (e != null && sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (sb != null) {
                if (e != null) sb.append(e);
                else sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
