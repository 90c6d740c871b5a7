package io.liteshift.migrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate} did.
 *
 * @param applied          the migrations this run applied, in order, with their durations
 * @param appliedByOthers  pending migrations another process applied while this one waited for the lock
 * @param version          the newest applied version afterwards (0: none)
 * @param drift            differences between the live schema and the snapshot of {@code version}
 * @param notes            other things worth saying (the database is ahead of these migrations, no snapshot to compare)
 * @param backup           the backup taken before applying, when one was asked for and something was pending
 */
public record MigrateResult(List<AppliedMigration> applied, List<Integer> appliedByOthers, int version, List<Problem> drift,
                            List<String> notes, Duration took, Optional<Path> backup) {

    public MigrateResult {
        applied = List.copyOf(applied);
        appliedByOthers = List.copyOf(appliedByOthers);
        drift = List.copyOf(drift);
        notes = List.copyOf(notes);
    }

    public MigrateResult withBackup(Optional<Path> taken) {
        return new MigrateResult(applied, appliedByOthers, version, drift, notes, took, taken);
    }

    public boolean upToDate() {
        return applied.isEmpty() && appliedByOthers.isEmpty();
    }
}
