package io.liteshift.migrate;

import io.liteshift.Fix;

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
 * @param notes            other things worth saying (the database is ahead of these migrations, no snapshot to compare);
 *                         {@link io.liteshift.Fix} references in them are rendered by {@link #notes()} for the Java API
 * @param backup           the backup taken before applying, when one was asked for and something was pending
 * @param replicaOf        the LiteFS primary's hostname when this node is a replica: it only waited until the replicated
 *                         schema reached {@code version}, and wrote nothing
 * @param lintWarnings     the warnings the lint run before applying found and migrate went ahead with (a drop that
 *                         destroys data, a rolling rename), one line each ({@code 0003_x.sql:2: [drop-column] ...})
 */
public record MigrateResult(List<AppliedMigration> applied, List<Integer> appliedByOthers, int version, List<Problem> drift,
                            List<String> notes, Duration took, Optional<Path> backup, Optional<String> replicaOf,
                            List<String> lintWarnings) {

    public MigrateResult(List<AppliedMigration> applied, List<Integer> appliedByOthers, int version, List<Problem> drift,
                         List<String> notes, Duration took, Optional<Path> backup) {
        this(applied, appliedByOthers, version, drift, notes, took, backup, Optional.empty());
    }

    public MigrateResult(List<AppliedMigration> applied, List<Integer> appliedByOthers, int version, List<Problem> drift,
                         List<String> notes, Duration took, Optional<Path> backup, Optional<String> replicaOf) {
        this(applied, appliedByOthers, version, drift, notes, took, backup, replicaOf, List.of());
    }

    public MigrateResult {
        applied = List.copyOf(applied);
        appliedByOthers = List.copyOf(appliedByOthers);
        drift = List.copyOf(drift);
        notes = List.copyOf(notes);
        lintWarnings = List.copyOf(lintWarnings);
    }

    /** The notes for the Java API. */
    @Override
    public List<String> notes() {
        return notes(Fix.FrontEnd.JAVA);
    }

    /** The notes as {@code frontEnd} prints them. */
    public List<String> notes(Fix.FrontEnd frontEnd) {
        return notes.stream().map(n -> Fix.render(n, frontEnd)).toList();
    }

    public MigrateResult withBackup(Optional<Path> taken) {
        return new MigrateResult(applied, appliedByOthers, version, drift, notes, took, taken, replicaOf, lintWarnings);
    }

    public MigrateResult withLintWarnings(List<String> warnings) {
        return new MigrateResult(applied, appliedByOthers, version, drift, notes, took, backup, replicaOf, warnings);
    }

    /** True on a LiteFS replica, where migrate waits for the primary's migrations instead of applying them. */
    public boolean onReplica() {
        return replicaOf.isPresent();
    }

    public boolean upToDate() {
        return applied.isEmpty() && appliedByOthers.isEmpty();
    }
}
