package io.liteshift;

import io.liteshift.lint.Findings;
import io.liteshift.plan.Plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a push did.
 *
 * @param applied  false for a dry run, or when there was nothing to do
 * @param warnings things the user should know that changed nothing (a rename hint that cannot be used is not one:
 *                 it is refused, as invalid input)
 * @param backup   the backup taken just before applying ({@link PushOptions#backupTo})
 */
public record PushResult(Plan plan, Findings findings, boolean applied, Duration took, java.util.List<String> warnings,
                         Optional<Path> backup) {
    public PushResult {
        warnings = java.util.List.copyOf(warnings);
    }

    public PushResult(Plan plan, Findings findings, boolean applied, Duration took, java.util.List<String> warnings) {
        this(plan, findings, applied, took, warnings, Optional.empty());
    }
}
