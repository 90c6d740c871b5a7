package io.liteshift.online;

import io.liteshift.sql.Identifiers;
import io.liteshift.sqlite.JournalMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The reasons not to start an online rebuild, each found before anything is written, each with its fix. */
final class Refusals {
    private Refusals() {
    }

    static void require(Connection c, Path file, Target t) throws SQLException {
        String mode = JournalMode.of(c);
        if (!mode.equals("wal")) {
            throw new OnlineRefusal(OnlineRefusal.Kind.NOT_WAL, t.table(), null, null, JournalMode.notWal(mode, file,
                    "the online rebuild of " + t.table(), "rebuild offline (without --online; in Java, the plan applied without OnlineRebuild)"), null);
        }
        if (t.from().withoutRowid() || t.to().withoutRowid()) {
            throw new OnlineRefusal(OnlineRefusal.Kind.WITHOUT_ROWID, t.table(), null, null, "refused: " + t.table() + " is "
                    + (t.from().withoutRowid() ? "" : "declared ") + "WITHOUT ROWID. An online rebuild follows the rows by their rowid"
                    + " (to copy them in order and to replay the application's changes), which such a table does not have."
                    + " Rebuild it offline (without --online). Nothing was changed.", null);
        }
        if (!Identifiers.same(t.from().name(), t.to().name())) {
            throw new OnlineRefusal(OnlineRefusal.Kind.RENAMED, t.table(), null, null, "refused: the change renames " + t.from().name()
                    + " to " + t.to().name() + ", which an online rebuild does not do. Rename the table first (a quick change:"
                    + " push or migrate the rename alone), then rebuild it online. Nothing was changed.", null);
        }
        String alias = t.to().rowidAlias().map(a -> t.mapping().values().get(Identifiers.fold(a.name()))).orElse(null);
        boolean keepsRowid = t.to().rowidAlias().isEmpty() || t.rowid().equals(alias)
                || t.from().rowidAlias().map(a -> Identifiers.quote(a.name()).equals(alias)).orElse(false);
        if (!keepsRowid) {
            throw new OnlineRefusal(OnlineRefusal.Kind.WITHOUT_ROWID, t.table(), null, null, "refused: the declared " + t.table()
                    + " makes another column its INTEGER PRIMARY KEY, so every row gets a new rowid, and an online rebuild follows"
                    + " the rows by their rowid. Rebuild it offline (without --online). Nothing was changed.", null);
        }
        Optional<String> mismatch = ForeignKeys.mismatch(t);
        if (mismatch.isPresent()) {
            throw new OnlineRefusal(OnlineRefusal.Kind.VIOLATION, t.table(), null, mismatch.get(), "refused: the declared " + t.table()
                    + " does not fit the foreign keys around it (" + mismatch.get() + "): a referenced column must be the PRIMARY KEY"
                    + " or have a UNIQUE constraint. Fix the declared schema. Nothing was changed.", null);
        }
    }

    static OnlineRefusal busy(Path file, Ledger.Entry e) {
        return new OnlineRefusal(OnlineRefusal.Kind.BUSY, e.table(), null, null, "refused: another online rebuild of " + e.table()
                + " in " + file + " is running (" + e.owner() + "). Wait for it to finish, or stop that process; the next run"
                + " then resumes or removes its work. Nothing was changed.", null);
    }
}
