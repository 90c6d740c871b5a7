package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Sandbox;
import io.liteshift.sql.SqliteErrors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays a directory on an in-memory database, through the same runner as {@code migrate}, and records the schema
 * before and after each of the chosen migrations: the effect of a hand-written file is read from SQLite, not guessed
 * from its text. The replay stops at the first migration that does not run.
 */
public final class MigrationEffects {

    private MigrationEffects() {
    }

    public static List<MigrationEffect> of(MigrationDirectory dir, List<Migration> chosen) {
        Set<Integer> wanted = chosen.stream().map(Migration::version).collect(Collectors.toSet());
        int last = chosen.stream().mapToInt(Migration::version).max().orElse(0);
        List<MigrationEffect> out = new ArrayList<>();
        Inspector.Memo memo = new Inspector.Memo();
        Schema previous = null; // the schema after the migration just run, when it was inspected: the next one's before
        try (Connection mem = Sandbox.open()) { // a migration may write its own tables here, never reach a file
            for (Migration m : dir.migrations()) {
                if (m.version() > last) break;
                boolean keep = wanted.contains(m.version());
                Schema before = !keep ? null : previous != null ? previous : Inspector.inspect(mem, memo);
                previous = null;
                try {
                    ScriptRunner.run(mem, MigrationScript.parse(m, dir.label()), dir.label(), false);
                } catch (LiteShiftException | SQLException e) {
                    String why = e instanceof SQLException s ? SqliteErrors.message(s) : e.getMessage();
                    if (keep) out.add(new MigrationEffect(m, before, before, List.of(), Optional.of(why)));
                    else out.add(new MigrationEffect(m, Schema.EMPTY, Schema.EMPTY, List.of(), Optional.of(why)));
                    return out; // what follows builds on a migration that did not run
                }
                if (!keep) continue;
                Schema after = Inspector.inspect(mem, memo);
                previous = after;
                out.add(new MigrationEffect(m, before, after, Differ.diff(before, after, RenameHistory.forwards(m)), Optional.empty()));
            }
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "replaying " + dir.label() + " failed: " + e.getMessage(), e);
        }
        return out;
    }
}
