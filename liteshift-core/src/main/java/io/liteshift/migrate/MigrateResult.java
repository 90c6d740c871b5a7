package io.liteshift.migrate;

import java.time.Duration;
import java.util.List;

/**
 * What {@code migrate} did.
 *
 * @param applied          the migrations this run applied, in order, with their durations
 * @param appliedByOthers  pending migrations another process applied while this one waited for the lock
 * @param version          the newest applied version afterwards (0: none)
 * @param drift            differences between the live schema and the snapshot of {@code version}
 * @param notes            other things worth saying (the database is ahead of these migrations, no snapshot to compare)
 */
public record MigrateResult(List<AppliedMigration> applied, List<Integer> appliedByOthers, int version, List<Problem> drift,
                            List<String> notes, Duration took) {

    public MigrateResult {
        applied = List.copyOf(applied);
        appliedByOthers = List.copyOf(appliedByOthers);
        drift = List.copyOf(drift);
        notes = List.copyOf(notes);
    }

    public boolean upToDate() {
        return applied.isEmpty() && appliedByOthers.isEmpty();
    }
}
