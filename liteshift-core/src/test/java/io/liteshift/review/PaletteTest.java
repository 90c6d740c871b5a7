package io.liteshift.review;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every colour pair the stylesheet uses is readable: WCAG 2 contrast of 4.5:1 for text and 3:1 for lines, in both themes. */
class PaletteTest {

    @Test
    void text_and_lines_have_enough_contrast_in_the_light_and_the_dark_theme() {
        for (Map<String, String> theme : List.of(Palette.LIGHT, Palette.DARK)) {
            for (List<String> pair : Palette.TEXT_ON) {
                assertThat(contrast(theme.get(pair.get(0)), theme.get(pair.get(1)))).as("%s on %s in %s", pair.get(0), pair.get(1), theme.get("bg"))
                        .isGreaterThanOrEqualTo(4.5);
            }
            for (List<String> pair : Palette.GRAPHICS_ON) {
                assertThat(contrast(theme.get(pair.get(0)), theme.get(pair.get(1)))).as("%s on %s in %s", pair.get(0), pair.get(1), theme.get("bg"))
                        .isGreaterThanOrEqualTo(3.0);
            }
        }
    }

    @Test
    void both_themes_name_the_same_colours_and_the_stylesheet_uses_only_those() {
        assertThat(Palette.DARK.keySet()).containsExactlyElementsOf(Palette.LIGHT.keySet());
        Matcher used = Pattern.compile("var\\(--([a-z-]+)\\)").matcher(Styles.CSS);
        while (used.find()) assertThat(Palette.LIGHT).as("var(--%s)", used.group(1)).containsKey(used.group(1));
        assertThat(Styles.CSS).doesNotContain("<", "&");
        assertThat(Styles.SCRIPT).doesNotContain("<", "&");
    }

    /** WCAG 2's contrast ratio of two sRGB colours written #rrggbb. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
