package io.liteshift.diff;

import io.liteshift.LiteShiftException;

import java.util.List;

/**
 * What one comparison of two schemas found: the changes that turn the current schema into the declared one, and the
 * rename hints it could not use, each said as a refusal says it ({@code file:line}, what it was taken for, why it
 * cannot be, the fix): the old name is missing as well as the new one, both exist (and it is not a swap), or a column
 * hint stands in a table that is new here.
 */
public record Diff(List<Change> changes, List<String> unusableHints) {

    public Diff {
        changes = List.copyOf(changes);
        unusableHints = List.copyOf(unusableHints);
    }

    /**
     * Refuses, changing nothing (invalid input), when a hint could not be used: planning without it would drop or keep
     * the wrong thing.
     */
    public Diff requireUsableHints() {
        if (unusableHints.isEmpty()) return this;
        throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, String.join("\n", unusableHints)
                + "\nA hint that is not used would let the old name be dropped with its values. Nothing was changed.");
    }
}
