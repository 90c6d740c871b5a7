package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.SchemaVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code baselineOnMigrate}: which migration a database that liteshift never migrated already stands at. The
 * directory is replayed (the migrations are the truth, as for {@code baseline}) and the live schema compared with the
 * schema after each migration; exactly one must match.
 */
final class Adoption {
    private Adoption() {
    }

    /** The one version whose schema {@code live} has; refuses, naming the closest migration and its differences, otherwise. */
    static int matchingVersion(MigrationDirectory dir, Schema live, String database) {
        List<Integer> matches = new ArrayList<>();
        int[] closest = {0};
        List<List<Change>> closestDifferences = new ArrayList<>(List.of(List.of()));
        Inspector.Memo memo = new Inspector.Memo();
        try (Connection mem = Replay.run(dir, Integer.MAX_VALUE, (m, db) -> {
            List<Change> differences = Differ.diff(Inspector.inspect(db, memo), live);
            if (differences.isEmpty()) {
                matches.add(m.version());
            } else if (closest[0] == 0 || differences.size() <= closestDifferences.get(0).size()) {
                closest[0] = m.version();
                closestDifferences.set(0, differences);
            }
        })) {
            // replayed to the end
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "replaying " + dir.label() + " failed: " + e.getMessage(), e);
        }
        String why = database + " has tables but no liteshift history, and baselineOnMigrate (--baseline-on-migrate) adopts such"
                + " a database at the migration whose schema it has";
        if (matches.size() > 1) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, "refused migrating " + why + "; but "
                    + matches.stream().map(SchemaVersion::label).collect(Collectors.joining(", ")) + " all produce that schema (the later"
                    + " ones change only rows), so the schema cannot tell which of them ran. Baseline at the right one yourself"
                    + " (`liteshift baseline --version N`), then migrate. Nothing was changed.");
        }
        if (matches.isEmpty()) {
            throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, "refused migrating " + why + ", and no migration"
                    + " in " + dir.label() + " produces it. Closest is " + SchemaVersion.label(closest[0]) + ", from which it differs:\n"
                    + closestDifferences.get(0).stream().map(d -> "  - " + d.describe()).collect(Collectors.joining("\n"))
                    + "\nBring the database to one of the migrations, or start the migrations from it: `liteshift pull --out"
                    + " schema.sql`, then `liteshift generate` in a new migrations directory. Nothing was changed.");
        }
        return matches.get(0);
    }

    /** The journal rows a baseline at {@code version} writes, as the history reads them before they are written. */
    static List<AppliedMigration> rows(List<Migration> files, int version) {
        return files.stream().filter(m -> m.version() <= version).map(m -> new AppliedMigration(m.version(), m.name(), m.checksum(),
                Instant.now(), Duration.ZERO, Journal.whoAmI(), "baseline")).toList();
    }
}
