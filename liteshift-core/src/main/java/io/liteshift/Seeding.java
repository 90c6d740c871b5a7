package io.liteshift;

import io.liteshift.migrate.History;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.Migrator;
import io.liteshift.seed.SeedResult;
import io.liteshift.seed.Seeder;
import io.liteshift.seed.Seeds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What {@link LiteShift#seed} decides before a seed runs, for every front end alike: the seeds directory named must
 * exist, and the database must have no pending migrations, since seeds are written for the migrated schema.
 */
final class Seeding {
    private Seeding() {
    }

    /** A directory that was named but is not there: a typo must not read as "nothing to seed". Null names none. */
    static void requireDirectory(Path dir) {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the seeds directory " + dir.toAbsolutePath()
                    + " does not exist. Check " + Fix.setting(Fix.Setting.SEEDS) + ". Nothing was seeded.");
        }
    }

    /**
     * Runs the seeds on {@code c}, or refuses (NOT_MIGRATED) while {@code migrator}'s directory has migrations pending
     * on it; without a migrations directory there is nothing to wait for.
     */
    static SeedResult run(Connection c, String label, Optional<Migrator> migrator, Path dir, List<Seeder> seeders) throws SQLException {
        if (migrator.isPresent()) {
            History h = migrator.get().history(c);
            List<Migration> pending = h.pending();
            if (!pending.isEmpty()) {
                throw new LiteShiftException(LiteShiftException.Reason.NOT_MIGRATED, label + " has " + pending.size()
                        + " pending migration(s) (first: " + pending.get(0).fileName() + "); seeds are written for the migrated schema."
                        + " Run `" + Fix.command(Fix.Command.MIGRATE) + "` first. Nothing was seeded.");
            }
        }
        return Seeds.run(c, dir, seeders);
    }
}
