package io.liteshift.review;

import io.liteshift.sql.Identifiers;

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
        List<String> allDroppedTables = changes.tables().stream().filter(t -> t.state() == State.DROPPED).map(TableDiff::name).toList();
        List<String> emptyTables = allDroppedTables.stream().filter(t -> countedEmpty(t, findings)).toList();
        List<String> droppedTables = allDroppedTables.stream().filter(t -> !emptyTables.contains(t)).toList();
        if (!droppedTables.isEmpty()) {
            destructive.add((droppedTables.size() == 1 ? "Drops table " : "Drops " + droppedTables.size() + " tables: ")
                    + Figures.some(droppedTables, LISTED) + (droppedTables.size() == 1 ? ", with every row in it." : ", with every row in them."));
        }
        List<String> emptyColumns = changes.droppedColumns().stream().filter(c -> countedEmpty(c, findings)).toList();
        List<String> droppedColumns = changes.droppedColumns().stream().filter(c -> !emptyColumns.contains(c)).toList();
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
        if (!emptyTables.isEmpty()) {
            notes.add((emptyTables.size() == 1 ? "Drops table " : "Drops " + emptyTables.size() + " tables: ") + Figures.some(emptyTables, LISTED)
                    + (emptyTables.size() == 1 ? ", which holds no rows" : ", which hold no rows") + " (counted on the database).");
        }
        if (!emptyColumns.isEmpty()) {
            notes.add((emptyColumns.size() == 1 ? "Drops column " : "Drops " + emptyColumns.size() + " columns: ") + Figures.some(emptyColumns, LISTED)
                    + (emptyColumns.size() == 1 ? ", which holds no value" : ", which hold no values") + " (counted on the database).");
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

    /**
     * Whether a finding about {@code subject} (a table, or {@code table.column}) measured that it holds nothing: a
     * drop that loses no row or value destroys no data.
     */
    private static boolean countedEmpty(String subject, List<Located> findings) {
        return findings.stream().map(Located::finding).anyMatch(f -> Identifiers.same(f.subject(), subject)
                && f.counts().rowsAffected() != null && f.counts().rowsAffected() == 0);
    }

    private static List<String> references(List<Located> findings) {
        return findings.stream().map(Located::reference).toList();
    }
}
