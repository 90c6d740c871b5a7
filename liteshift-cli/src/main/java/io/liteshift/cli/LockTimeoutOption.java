package io.liteshift.cli;

import io.liteshift.config.ProjectConfig;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --lock-timeout}: how long a command waits for another process's lock. One setting for every command that
 * takes a lock (migrate, push, seed, backup), since they all wait for the same processes: the flag, else
 * {@code lock_timeout} under {@code [migrate]} in liteshift.toml, else 2 minutes.
 */
final class LockTimeoutOption {
    @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = MigrateFlags.DurationConverter.class,
            description = "how long to wait for another process's lock, e.g. 90s, 5m (default 2m, or lock_timeout under [migrate]"
                    + " in liteshift.toml)")
    Duration value;

    /** The flag when given, else the project's setting. */
    Duration or(ProjectConfig settings) {
        return value != null ? value : settings.lockTimeout();
    }
}
