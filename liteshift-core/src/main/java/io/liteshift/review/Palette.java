package io.liteshift.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's colours, light and dark, as CSS custom properties. Every text colour the stylesheet puts on a
 * background is listed in {@link #TEXT_ON}, so a test can hold each pair to WCAG's 4.5:1 in both themes.
 */
final class Palette {
    private Palette() {
    }

    static final Map<String, String> LIGHT = colours(
            "bg", "#ffffff", "fg", "#1b1f24", "muted", "#57606a", "line", "#6e7781", "box", "#ffffff", "head", "#eaeef2",
            "code", "#f6f8fa", "link", "#0550ae",
            "added", "#116329", "added-bg", "#dafbe1", "dropped", "#a40e26", "dropped-bg", "#ffebe9",
            "changed", "#7d4e00", "changed-bg", "#fff8c5", "rebuilt", "#6639ba", "rebuilt-bg", "#fbefff",
            "info", "#0a3069", "info-bg", "#ddf4ff");

    static final Map<String, String> DARK = colours(
            "bg", "#0d1117", "fg", "#e6edf3", "muted", "#9198a1", "line", "#8b949e", "box", "#161b22", "head", "#262c36",
            "code", "#161b22", "link", "#79c0ff",
            "added", "#56d364", "added-bg", "#12261e", "dropped", "#ff7b72", "dropped-bg", "#3b1219",
            "changed", "#e3b341", "changed-bg", "#2e2309", "rebuilt", "#d2a8ff", "rebuilt-bg", "#2a1b45",
            "info", "#79c0ff", "info-bg", "#0c2d48");

    /** Text colour on background colour, as the stylesheet combines them (names of the properties above). */
    static final List<List<String>> TEXT_ON = pairs();

    /** Lines and arrowheads on the diagram's background: non-text, so 3:1 suffices (WCAG 1.4.11). */
    static final List<List<String>> GRAPHICS_ON = List.of(List.of("line", "box"), List.of("added", "box"),
            List.of("dropped", "box"), List.of("changed", "box"), List.of("rebuilt", "box"));

    private static List<List<String>> pairs() {
        List<String> backgrounds = List.of("bg", "box", "head", "code", "added-bg", "dropped-bg", "changed-bg", "rebuilt-bg", "info-bg");
        List<String> texts = List.of("fg", "muted", "link", "added", "dropped", "changed", "rebuilt", "info");
        return texts.stream().flatMap(t -> backgrounds.stream().map(b -> List.of(t, b))).toList();
    }

    private static Map<String, String> colours(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put(nameValue[i], nameValue[i + 1]);
        return m;
    }

    /** {@code --bg:#ffffff;--fg:...}, the declarations of one theme. */
    static String declarations(Map<String, String> theme) {
        StringBuilder sb = new StringBuilder();
        theme.forEach((k, v) -> sb.append("--").append(k).append(':').append(v).append(';'));
        return sb.toString();
    }
}
