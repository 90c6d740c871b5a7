package io.liteshift.migrate;

import io.liteshift.plan.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code generate} or {@code revert} wrote. A declared rename hint that cannot be used is not reported here: generate
 * refuses it, as invalid input.
 *
 * @param file      the new migration; empty when there was nothing to change
 * @param sql       its text (empty when nothing was written)
 * @param attention the steps that may fail on real rows, destroy data or block writers (also in the file's header)
 * @param snapshots older migrations' snapshots that were missing or stale and were written again on the way
 *                  (the new migration's own snapshot is always written)
 */
public record GenerateResult(Optional<Path> file, String sql, Plan plan, List<String> attention, List<String> snapshots) {

    public GenerateResult {
        attention = List.copyOf(attention);
        snapshots = List.copyOf(snapshots);
    }

    public boolean written() {
        return file.isPresent();
    }
}
