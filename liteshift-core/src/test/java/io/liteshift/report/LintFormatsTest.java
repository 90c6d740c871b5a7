package io.liteshift.report;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.lint.LintCode;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The edges of lint's GitHub and SARIF formats that a real lint run rarely shows: escaping, a file outside the
 * repository, a finding without a line. The whole outputs of a real run are pinned in {@code LintOutputGoldenTest}.
 */
class LintFormatsTest {
    private static final LintPlace IN_REPOSITORY = new LintPlace("db/migrations", "0.1.0", Fix.FrontEnd.COMMAND_LINE);

    private static LintIssue issue(String file, int line, String message, String fix) {
        return new LintIssue(LintCode.UPDATE_WITHOUT_WHERE, Severity.WARNING, new LintIssue.Location(file, line, "UPDATE t SET x = 1"),
                "t", message, fix);
    }

    @Test
    void gitHubCommandsEscapeWhatWouldEndTheirPartsEarly() {
        LintIssue i = issue("0002_a,b:c.sql", 7, "100% of rows\r\nchange", "add a WHERE, e.g. x = 1");
        assertThat(GitHubAnnotations.command(i, IN_REPOSITORY)).isEqualTo("::warning file=db/migrations/0002_a%2Cb%3Ac.sql,line=7,"
                + "title=update-without-where::100%25 of rows%0D%0Achange%0AFix: add a WHERE, e.g. x = 1");
        // no line: the annotation goes on the file; no fix: no "Fix:" part
        assertThat(GitHubAnnotations.command(issue("0003_b.sql", 0, "m", ""), IN_REPOSITORY))
                .isEqualTo("::warning file=db/migrations/0003_b.sql,title=update-without-where::m");
    }

    @Test
    void escapingRoundTripsThroughTheRunnersUnescaping() {
        String hostile = "%0A already escaped, 50% : and , \n and \r";
        String unescaped = GitHubAnnotations.property(hostile).replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n")
                .replace("%0D", "\r").replace("%25", "%");
        assertThat(unescaped).isEqualTo(hostile);
    }

    @Test
    void aDirectoryOutsideTheRepositoryIsAnAbsoluteUriWithoutABase() {
        Path root = Path.of("/srv/repo");
        assertThat(LintPlace.of(Path.of("/srv/repo/db/migrations"), root, "1", Fix.FrontEnd.COMMAND_LINE).migrations()).isEqualTo("db/migrations");
        assertThat(LintPlace.of(root, root, "1", Fix.FrontEnd.COMMAND_LINE).path("0001_a.sql")).isEqualTo("0001_a.sql");
        LintPlace outside = LintPlace.of(Path.of("/opt/app migrations"), root, "1", Fix.FrontEnd.COMMAND_LINE);
        String sarif = SarifLog.of(new LintReport(List.of("0001_a.sql"), List.of(issue("0001_a.sql", 2, "m", "f")), 0, null), outside);
        assertThat(sarif).contains("\"uri\" : \"file:///opt/app%20migrations/0001_a.sql\"").doesNotContain("uriBaseId", "%SRCROOT%");
        assertThat(SarifSchema.violations(sarif)).isEmpty();
    }

    @Test
    void aRunWithoutFindingsIsAValidLogWithEveryRule() {
        String sarif = SarifLog.of(new LintReport(List.of(), List.of(), 0, null), IN_REPOSITORY);
        assertThat(SarifSchema.violations(sarif)).isEmpty();
        assertThat(sarif).contains("\"results\" : []");
        for (LintCode c : LintCode.values()) assertThat(sarif).contains("\"id\" : \"" + c.code() + "\"");
    }

    /** The control: the schema check sees a log that code scanning would refuse. */
    @Test
    void theSchemaRefusesALogThatBreaksIt() {
        String sarif = SarifLog.of(new LintReport(List.of("0001_a.sql"), List.of(issue("0001_a.sql", 2, "m", "f")), 0, null), IN_REPOSITORY);
        assertThat(SarifSchema.violations(sarif.replace("\"level\" : \"warning\"", "\"level\" : \"fatal\""))).isNotEmpty();
        assertThat(SarifSchema.violations(sarif.replace("\"startLine\" : 2", "\"startLine\" : 0"))).isNotEmpty();
        assertThat(SarifSchema.violations(sarif.replace("\"version\" : \"2.1.0\"", "\"version\" : \"2.0\""))).isNotEmpty();
    }

    @Test
    void anUnknownFormatIsRefusedWithTheChoices() {
        assertThat(LintFormat.named(" GitHub ", "--format")).isEqualTo(LintFormat.GITHUB);
        assertThatThrownBy(() -> LintFormat.named("junit", "--format")).isInstanceOf(LiteShiftException.class)
                .hasMessage("unknown lint format 'junit' given by --format. Use one of: text, github, sarif.");
    }

    @Test
    void jsonTextEscapesControlsAndKeepsOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", "q\"\\\u0001\u2028");
        m.put("a", List.of(1, 2.5, true));
        m.put("n", null);
        assertThat(JsonText.of(m)).isEqualTo("{\n  \"b\" : \"q\\\"\\\\\\u0001\\u2028\",\n  \"a\" : [\n    1,\n    2.5,\n    true\n  ],\n  \"n\" : null\n}");
    }
}
