package io.liteshift.review;

/**
 * How wide text is in the diagram's monospace font, in character cells: what the boxes are sized by. East Asian
 * wide characters and emoji take two cells, combining marks none.
 */
final class TextWidth {
    private TextWidth() {
    }

    /** The cells {@code s} takes as shown (after {@link Html#visible}). */
    static int cells(String s) {
        String shown = Html.visible(s);
        int cells = 0;
        for (int i = 0; i < shown.length(); ) {
            int cp = shown.codePointAt(i);
            cells += cells(cp);
            i += Character.charCount(cp);
        }
        return cells;
    }

    /** {@code s} as shown, cut to at most {@code max} cells with an ellipsis when it is longer. */
    static String clip(String s, int max) {
        String shown = Html.visible(s);
        if (cells(shown) <= max) return shown;
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < shown.length(); ) {
            int cp = shown.codePointAt(i);
            int w = cells(cp);
            if (used + w > max - 1) break;
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb.append('\u2026').toString();
    }

    private static int cells(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
