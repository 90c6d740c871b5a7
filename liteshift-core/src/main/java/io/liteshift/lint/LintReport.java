package io.liteshift.lint;

import java.util.List;

/**
 * What {@code lint} found.
 *
 * @param linted     the migration files looked at, in order
 * @param issues     the findings, in file and line order, without the suppressed ones
 * @param suppressed how many findings {@code -- liteshift:lint-ignore} lines hid
 * @param database   the database whose rows were counted, or null when none was read
 */
public record LintReport(List<String> linted, List<LintIssue> issues, int suppressed, String database) {

    public LintReport {
        linted = List.copyOf(linted);
        issues = List.copyOf(issues);
    }

    public List<LintIssue> errors() {
        return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }
}
