package io.liteshift;

import io.liteshift.lint.Findings;
import io.liteshift.plan.Plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a push did. A rename hint that cannot be used is not reported here: it is refused, as invalid input.
 *
 * @param applied false for a dry run, or when there was nothing to do
 * @param backup  the backup taken just before applying ({@link PushOptions#backupTo})
 */
public record PushResult(Plan plan, Findings findings, boolean applied, Duration took, Optional<Path> backup) {
}
