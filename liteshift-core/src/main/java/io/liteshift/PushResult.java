package io.liteshift;

import io.liteshift.migrate.OnlineOutcome;
import io.liteshift.lint.Findings;
import io.liteshift.plan.Plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a push did. A rename hint that cannot be used is not reported here: it is refused, as invalid input.
 *
 * @param applied    false for a dry run, or when there was nothing to do
 * @param backup     the backup taken just before applying ({@link PushOptions#backupTo})
 * @param online     for a push whose tables were rebuilt online: each rebuild's figures, and what it found of an
 *                   interrupted one
 * @param recoveries what this push found of an interrupted online rebuild and did with it (resumed it, finished it,
 *                   or removed it), one sentence each; empty when there was none
 */
public record PushResult(Plan plan, Findings findings, boolean applied, Duration took, Optional<Path> backup,
                         Optional<OnlineOutcome> online, List<String> recoveries) {
    public PushResult {
        recoveries = List.copyOf(recoveries);
    }

    public PushResult(Plan plan, Findings findings, boolean applied, Duration took, Optional<Path> backup) {
        this(plan, findings, applied, took, backup, Optional.empty(), List.of());
    }
}
