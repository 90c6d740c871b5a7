package io.liteshift.lint;

import io.liteshift.Golden;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes' one home: stable strings, and the README's table of them is generated from it. */
class LintCodeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "### `liteshift lint ";
    private static final String TABLE_START = "| code | severity | what |\n";

    @Test
    void codesAreUniqueLowercaseWordsThatLookThemselvesUp() {
        assertThat(Arrays.stream(LintCode.values()).map(LintCode::code)).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z]+(-[a-z]+)*"));
        for (LintCode c : LintCode.values()) assertThat(LintCode.of(c.code())).contains(c);
        assertThat(LintCode.of("no-such-code")).isEmpty();
    }

    @Test
    void helpIsOneSentenceForATableCell() {
        for (LintCode c : LintCode.values()) {
            assertThat(c.help()).as(c.code()).isNotBlank().doesNotContain("|", "\n").doesNotEndWith(".");
            // the prose names the highest severity, which a SARIF rule gives as its default level
            assertThat(c.severities()).as(c.code()).containsPattern("^(error|warning|info)\\b").doesNotContain("|", "\n")
                    .contains(c.highestSeverity().name().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code -Dliteshift.updateGolden=true} writes the table into the README instead; review the diff. */
    @Test
    void theReadmeTableIsTheEnum() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf(SECTION);
        assertThat(section).as("the README's section " + SECTION).isNotNegative();
        int start = readme.indexOf(TABLE_START, section);
        assertThat(start).as("the table of lint codes in " + SECTION + ", starting with " + TABLE_START).isPositive()
                .isLessThan(readme.indexOf("\n### ", section + 1));
        int end = readme.indexOf("\n\n", start) + 1;
        String table = readme.substring(start, end);
        if (Golden.UPDATE) {
            Files.writeString(README, readme.substring(0, start) + LintCode.markdownTable() + readme.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(table).as("the README's lint table (regenerate with -Dliteshift.updateGolden=true)").isEqualTo(LintCode.markdownTable());
    }
}
