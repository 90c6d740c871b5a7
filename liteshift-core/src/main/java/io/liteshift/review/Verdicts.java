package io.liteshift.review;

import java.util.ArrayList;
import java.util.List;

/** The rule of {@link Verdict}, with a one-line reason for each thing that decided it. */
final class Verdicts {
    /** How many names or places a reason lists before "and N more". */
    private static final int LISTED = 3;

    private Verdicts() {
    }

    static Verdict of(SchemaChanges changes, List<Located> findings, Located longestLock) {
        List<String> destructive = new ArrayList<>();
        List<String> attention = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> droppedTables = changes.tables().stream().filter(t -> t.state() == State.DROPPED).map(TableDiff::name).toList();
        if (!droppedTables.isEmpty()) {
            destructive.add((droppedTables.size() == 1 ? "Drops table " : "Drops " + droppedTables.size() + " tables: ")
                    + Figures.some(droppedTables, LISTED) + (droppedTables.size() == 1 ? ", with every row in it." : ", with every row in them."));
        }
        List<String> droppedColumns = changes.droppedColumns();
        if (!droppedColumns.isEmpty()) {
            destructive.add((droppedColumns.size() == 1 ? "Drops column " : "Drops " + droppedColumns.size() + " columns: ")
                    + Figures.some(droppedColumns, LISTED) + (droppedColumns.size() == 1 ? ", with its values." : ", with their values."));
        }
        List<String> destroying = references(findings.stream().filter(l -> l.finding().destroysData()).toList());
        if (!destroying.isEmpty()) {
            destructive.add(Figures.count(destroying.size(), "finding") + (destroying.size() == 1 ? " destroys" : " destroy")
                    + " data: " + Figures.some(destroying, LISTED) + ".");
        }
        List<String> errors = references(findings.stream().filter(l -> l.finding().severity() == Finding.Severity.ERROR).toList());
        if (!errors.isEmpty()) {
            attention.add(Figures.count(errors.size(), "error") + ": migrate refuses until "
                    + (errors.size() == 1 ? "it is" : "they are") + " fixed (" + Figures.some(errors, LISTED) + ").");
        }
        List<String> warnings = references(findings.stream().filter(l -> l.finding().severity() == Finding.Severity.WARNING).toList());
        if (!warnings.isEmpty()) {
            attention.add(Figures.count(warnings.size(), "warning") + " to read before deploying (" + Figures.some(warnings, LISTED) + ").");
        }
        List<String> rebuilt = changes.tables().stream().filter(t -> t.state() == State.REBUILT).map(TableDiff::name).toList();
        if (!rebuilt.isEmpty()) {
            notes.add("Rebuilds " + (rebuilt.size() == 1 ? "table " : rebuilt.size() + " tables: ") + Figures.some(rebuilt, LISTED)
                    + " (every row is copied under the write lock" + (longestLock == null ? ")."
                    : "; the longest estimated lock is " + Figures.duration(longestLock.finding().counts().estimatedLock())
                    + ", " + longestLock.reference() + ")."));
        }
        Verdict.Level level = !destructive.isEmpty() ? Verdict.Level.DESTRUCTIVE
                : !attention.isEmpty() ? Verdict.Level.NEEDS_ATTENTION : Verdict.Level.SAFE;
        if (level == Verdict.Level.SAFE) {
            notes.add(0, changes.isEmpty() && findings.isEmpty() ? "Nothing changes: the two schemas are the same."
                    : "Nothing is dropped, and no finding is an error or a warning.");
        }
        List<String> reasons = new ArrayList<>(destructive);
        reasons.addAll(attention);
        reasons.addAll(notes);
        return new Verdict(level, reasons);
    }

    private static List<String> references(List<Located> findings) {
        return findings.stream().map(Located::reference).toList();
    }
}
