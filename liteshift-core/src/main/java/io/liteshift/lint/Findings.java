package io.liteshift.lint;

import java.util.List;

/** The findings for one plan against one database. */
public record Findings(List<Finding> all) {

    public Findings {
        all = List.copyOf(all);
    }

    public List<Finding> of(Finding.Kind kind) {
        return all.stream().filter(f -> f.kind() == kind).toList();
    }

    public boolean hasViolations() {
        return !of(Finding.Kind.VIOLATION).isEmpty();
    }

    public boolean isDestructive() {
        return !of(Finding.Kind.DESTRUCTIVE).isEmpty();
    }
}
