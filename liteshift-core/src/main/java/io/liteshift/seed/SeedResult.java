package io.liteshift.seed;

import java.util.List;

/**
 * What {@link Seeds#run} did.
 *
 * @param applied  the seeds this run applied, in order
 * @param upToDate how many seeds had run already (and, for repeatable ones, not changed since)
 * @param warnings one-time seeds whose file changed after they ran (they are not run again)
 */
public record SeedResult(List<AppliedSeed> applied, int upToDate, List<String> warnings) {
    public SeedResult {
        applied = List.copyOf(applied);
        warnings = List.copyOf(warnings);
    }
}
