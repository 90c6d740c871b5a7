package io.liteshift.lint;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.sql.Statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the rules report about one change, kept in the order a reader follows it: the file's statements (in file
 * order), then the plan's changes (in plan order, an ALTER TABLE's alterations in theirs), then the plan's tables,
 * then what only the rows tell. Findings about the same thing keep the order of {@link Rules#ALL}.
 */
final class Issues {
    private enum Section { STATEMENT, CHANGE, TABLE, COUNTED }

    private record Entry(Section section, int first, int second, LintIssue issue) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::section).thenComparingInt(Entry::first)
            .thenComparingInt(Entry::second);

    private final LintContext context;
    private final List<Entry> entries = new ArrayList<>();

    Issues(LintContext context) {
        this.context = context;
    }

    /** About one statement of the file: placed at it. */
    void at(Statement s, LintIssue issue) {
        entries.add(new Entry(Section.STATEMENT, indexOf(context.statements(), s), 0, issue.at(context.at(s))));
    }

    /** About one change of the plan as a whole (a dropped table, a new index). */
    void about(Change change, LintIssue issue) {
        entries.add(new Entry(Section.CHANGE, indexOf(context.plan().changes(), change), -1, issue));
    }

    /** About one alteration of an ALTER TABLE change of the plan. */
    void about(Change.AlterTable change, Alteration alteration, LintIssue issue) {
        entries.add(new Entry(Section.CHANGE, indexOf(context.plan().changes(), change), indexOf(change.alterations(), alteration), issue));
    }

    /** About a table the plan rebuilds or copies. */
    void aboutTable(LintIssue issue) {
        entries.add(new Entry(Section.TABLE, 0, 0, issue));
    }

    /** What the rows (or the volume) tell, which a plan alone cannot. */
    void counted(LintIssue issue) {
        entries.add(new Entry(Section.COUNTED, 0, 0, issue));
    }

    /** Every finding in order, placed in the migration ({@link LintContext#place}). */
    List<LintIssue> inOrder() {
        return entries.stream().sorted(ORDER).map(e -> context.place(e.issue())).toList(); // a stable sort: ties keep the rules' order
    }

    /** The position of {@code item} itself (not an equal one) in {@code items}. */
    private static int indexOf(List<?> items, Object item) {
        for (int i = 0; i < items.size(); i++) if (items.get(i) == item) return i;
        throw new IllegalArgumentException("a rule reported about something the change does not hold: " + item);
    }
}
