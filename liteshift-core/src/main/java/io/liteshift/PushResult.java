package io.liteshift;

import io.liteshift.lint.Findings;
import io.liteshift.plan.Plan;

import java.time.Duration;

/**
 * What a push did.
 *
 * @param applied  false for a dry run, or when there was nothing to do
 * @param warnings things the user should know that changed nothing (e.g. a rename hint that could not be used)
 */
public record PushResult(Plan plan, Findings findings, boolean applied, Duration took, java.util.List<String> warnings) {
    public PushResult {
        warnings = java.util.List.copyOf(warnings);
    }
}
