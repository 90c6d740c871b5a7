package io.liteshift.lint;


import java.util.List;

/**
 * What push's data check found in the rows against one plan ({@link LintIssue}s, as lint reports them, without a
 * place in a file), and the three kinds push decides on.
 */
public record Findings(List<LintIssue> all) {

    public Findings {
        all = List.copyOf(all);
    }

    /** Rows that cannot take the declared schema: push refuses. */
    public List<LintIssue> violations() {
        return all.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** Data the plan would destroy: push needs {@code --yes}. */
    public List<LintIssue> destructive() {
        return all.stream().filter(f -> f.lintCode().destroysData()).toList();
    }

    /** Worth knowing, changes nothing (NULLs filled with a DEFAULT). */
    public List<LintIssue> notes() {
        return all.stream().filter(f -> f.severity() == Severity.INFO).toList();
    }

    public boolean hasViolations() {
        return !violations().isEmpty();
    }

    public boolean isDestructive() {
        return !destructive().isEmpty();
    }
}
