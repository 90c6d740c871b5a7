package io.liteshift;

import io.liteshift.lint.Findings;
import io.liteshift.plan.Plan;

import java.time.Duration;

/**
 * What a push did.
 *
 * @param applied false for a dry run, or when there was nothing to do
 */
public record PushResult(Plan plan, Findings findings, boolean applied, Duration took) {
}
