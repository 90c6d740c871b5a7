package io.liteshift.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the summary says, computed once from the input: the schema changes, every finding at its place, the
 * destructive steps, the longest estimated lock and the verdict.
 *
 * @param findings         every finding, migration by migration, in line order (a finding about the whole file first)
 * @param destructiveSteps the steps whose lines hold a finding that destroys data (such a finding outside every
 *                         step counts as a step of its own)
 * @param longestLock      the finding with the longest estimated lock, or null when none was estimated
 */
record Overview(ReviewInput input, SchemaChanges changes, List<Located> findings, int destructiveSteps,
                Located longestLock, Verdict verdict) {

    static Overview of(ReviewInput in) {
        SchemaChanges changes = SchemaChanges.of(in);
        List<Located> findings = new ArrayList<>();
        int destructiveSteps = 0;
        for (int i = 0; i < in.migrations().size(); i++) {
            Migration m = in.migrations().get(i);
            List<Finding> sorted = m.findings().stream().sorted(Comparator.comparingInt(Finding::line)).toList();
            for (int j = 0; j < sorted.size(); j++) {
                findings.add(new Located(i + 1, m.fileName(), sorted.get(j), "m" + (i + 1) + "-f" + (j + 1)));
            }
            destructiveSteps += destructiveSteps(m);
        }
        Located longestLock = findings.stream().filter(l -> l.finding().counts().estimatedLock() != null)
                .max(Comparator.comparing((Located l) -> l.finding().counts().estimatedLock())
                        .thenComparing(Comparator.comparing(Located::anchor).reversed()))
                .orElse(null);
        Verdict verdict = Verdicts.of(changes, findings, longestLock);
        return new Overview(in, changes, List.copyOf(findings), destructiveSteps, longestLock, verdict);
    }

    private static int destructiveSteps(Migration m) {
        Set<Integer> steps = new HashSet<>();
        int outside = 0;
        for (Finding f : m.findings()) {
            if (!f.destroysData()) continue;
            Optional<Integer> step = stepAt(m, f.line());
            if (step.isPresent()) steps.add(step.get());
            else outside++;
        }
        return steps.size() + outside;
    }

    /** The index of the step covering {@code line}, if one does. */
    static Optional<Integer> stepAt(Migration m, int line) {
        for (int i = 0; i < m.steps().size(); i++) {
            if (m.steps().get(i).covers(line)) return Optional.of(i);
        }
        return Optional.empty();
    }

    List<Located> findingsOf(int migration) {
        return findings.stream().filter(l -> l.migration() == migration).toList();
    }

    long count(Finding.Severity severity) {
        return findings.stream().filter(l -> l.finding().severity() == severity).count();
    }
}
