package io.liteshift.plan;

import java.util.List;

/**
 * Writes down, in the plan's own transaction, the swaps a plan makes. A rename onto a name that exists (a swap) cannot
 * be told from a stale hint by looking at the schema afterwards, so the next plan must read it from a record. The
 * record is the database's bookkeeping, kept by whoever owns it; the planner only says what to record and where.
 */
@FunctionalInterface
public interface SwapLog {

    /** Records nothing: for a plan that is looked at (linted, pinned in a test), not one whose swaps must be remembered. */
    SwapLog NONE = swaps -> List.of();

    /** The statements that record {@code swaps} (never empty). */
    List<String> statements(List<Swap> swaps);

    /**
     * A rename onto a name that existed before the plan.
     *
     * @param table the table's new name; for a column, the table it is in
     */
    record Swap(Kind kind, String table, String from, String to) {
    }

    enum Kind { TABLE, COLUMN }
}
