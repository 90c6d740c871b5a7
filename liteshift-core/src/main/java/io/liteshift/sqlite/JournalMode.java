package io.liteshift.sqlite;

import io.liteshift.LiteShiftException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The database's journal mode, which decides whether an online rebuild can keep its promise. In WAL mode readers
 * never wait and a writer waits only for the chunk in progress. In a rollback-journal mode (delete, truncate, persist)
 * every commit of a chunk takes an exclusive lock that locks the application's readers out, and a reader keeps the
 * copier's commit waiting: the rebuild would stall the readers it exists to spare, many times over.
 */
public final class JournalMode {
    private JournalMode() {
    }

    /** {@code PRAGMA journal_mode}, lower case: {@code wal}, {@code delete}, {@code memory}, ... */
    public static String of(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            return rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "";
        }
    }

    /**
     * Refuses an online rebuild unless {@code c} is in WAL mode.
     *
     * @param doing   what would run online, for the message: "pushing schema.sql to /data/app.db online"
     * @param offline how to rebuild in one transaction instead: "run it without --online"
     * @throws LiteShiftException INVALID_INPUT with the fix (WAL, or without online); nothing was changed
     */
    public static void requireWalForOnline(Connection c, Path file, String doing, String offline) throws SQLException {
        String mode = of(c);
        if (mode.equals("wal")) return;
        throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, notWal(mode, file, doing, offline));
    }

    /** Why an online rebuild of a database in {@code mode} (not WAL) is refused, and the fixes; the one wording for every entry. */
    public static String notWal(String mode, Path file, String doing, String offline) {
        String db = file == null ? "the database" : file.toString();
        return "refused " + doing + ": an online rebuild needs"
                + " WAL mode, and " + db + " is in rollback-journal mode (journal_mode=" + mode + "). There, each chunk's commit"
                + " locks the application's readers out and every reader holds the copy up, so readers would block again and"
                + " again instead of never. Switch the database to WAL once, with the application stopped (`sqlite3 " + db
                + " 'PRAGMA journal_mode=WAL'`; the mode is stored in the file), and open it in WAL mode in the application too;"
                + " or rebuild in one transaction: " + offline + " (writers then wait for the whole copy). Nothing was changed.";
    }
}
