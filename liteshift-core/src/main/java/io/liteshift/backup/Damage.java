package io.liteshift.backup;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.Databases;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sqlite.SchemaVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What liteshift says about a damaged database file, whichever command found it: what SQLite or a check reported,
 * what that means, and how to get a sound file back (the exact {@code restore} command for the newest intact
 * backup, else the sqlite3 shell's {@code .recover}). The one place that writes it: {@code verify}, {@code doctor},
 * {@code backup}, {@code migrate}, {@code status} and the others only print it.
 *
 * <p>The policy: liteshift never writes to, copies or vouches for a file that SQLite reports damaged. Commands that
 * report ({@code status}, {@code verify}, {@code doctor}) say so and exit 6; commands that would write or copy it
 * refuse ({@link LiteShiftException.Reason#DAMAGED}, also exit 6) and change nothing.
 */
public final class Damage {
    /** A check's first problems are shown; the rest are counted. */
    private static final int SHOWN = 3;
    /** SQLite's check stops after this many problems unless asked for more. */
    private static final int CHECK_LIMIT = 100;
    /** The last line of a check SQLite could not finish. */
    private static final String STOPPED = "the check stopped: ";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Damage() {
    }

    /**
     * Where a sound copy of a damaged database can come from.
     *
     * @param database the database's file; null when it is not known (a DataSource that does not say)
     * @param backups  the backups directory to look in; null when none is configured
     */
    public record Recovery(Path database, Path backups) {
    }

    /**
     * What shows the damage, as a sentence ("PRAGMA quick_check reports 27 problems; the first: ...").
     *
     * @param kind  {@code NOT_A_DATABASE} when SQLite does not recognise the file at all (which may also be a wrong path)
     * @param opens whether SQLite opened the file: restore takes the target's lock through SQLite, and needs
     *              {@code --force} for a file it cannot open (no process can be using that one as a database)
     */
    public record Evidence(String text, SqliteErrors.Damage kind, boolean opens) {
        /** The problems a check found (on an open connection), counted, the first few quoted. */
        public static Evidence ofCheck(String check, List<String> problems) {
            return new Evidence("PRAGMA " + check + " reports " + summary(problems), SqliteErrors.Damage.CORRUPT, true);
        }

        /** SQLite's own error while opening or reading the file; empty when the error is not about damage. */
        public static Optional<Evidence> ofError(Throwable e) {
            return SqliteErrors.damage(e).map(kind -> new Evidence("SQLite reports \"" + sqliteMessage(e)
                    + "\" (" + (kind == SqliteErrors.Damage.CORRUPT ? "SQLITE_CORRUPT" : "SQLITE_NOTADB") + ")", kind, !openFailed(e)));
        }

        /** A file SQLite does not even open: told by its first bytes, before SQLite is asked. */
        public static Evidence notADatabase(String why) {
            return new Evidence(why, SqliteErrors.Damage.NOT_A_DATABASE, false);
        }
    }

    /**
     * Runs {@code check} and returns the problems it names, one per line (one row can hold many, and the "*** in
     * database main ***" heading is none); empty for a sound file. SQLite stops after {@value #CHECK_LIMIT}.
     *
     * @throws SQLException as SQLite reports it, also when the check cannot even read a page (SQLITE_CORRUPT)
     */
    public static List<String> check(Connection c, BackupCheck check) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + check.pragma())) {
            while (rs.next()) rows.add(rs.getString(1));
        } catch (SQLException e) {
            // the check reports what it found, then may meet a page it cannot even walk: keep what it said
            if (rows.isEmpty() || !SqliteErrors.isDamage(e)) throw e;
            rows.add(STOPPED + SqliteErrors.message(e));
        }
        if (rows.equals(List.of("ok"))) return List.of();
        return rows.stream().flatMap(String::lines).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("*** in database ")).toList();
    }

    /** "27 problems; the first: a; b; c": a check's problems counted, the first few quoted. */
    public static String summary(List<String> problems) {
        int n = problems.size();
        boolean stopped = n > 0 && problems.get(n - 1).startsWith(STOPPED);
        if (stopped) n--;
        String count = (stopped || n >= CHECK_LIMIT ? "at least " : "") + n + (n == 1 ? " problem" : " problems");
        return count + (problems.size() > 1 ? "; the first: " : ": ") + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())));
    }

    /** The paragraph: the damage, what it means, and the fix; without "Nothing was changed", which is the caller's to say. */
    public static String paragraph(Recovery recovery, String database, Evidence evidence) {
        return found(database, evidence) + " " + consequence(evidence) + " " + fix(recovery, evidence);
    }

    /** The first sentence: which file, and what shows it is damaged. */
    public static String found(String database, Evidence evidence) {
        return database + " is damaged: " + evidence.text() + ".";
    }

    /** Why it matters. */
    public static String consequence(Evidence evidence) {
        if (evidence.kind() == SqliteErrors.Damage.NOT_A_DATABASE) {
            return "SQLite cannot use it: every connection fails with \"file is not a database\".";
        }
        return "Queries that read the damaged pages fail with \"database disk image is malformed\", and writes can spread"
                + " the damage, so liteshift neither writes to it nor backs it up.";
    }

    /** What to do: restore the newest intact backup (the exact command), or recover what SQLite can still read. */
    public static String fix(Recovery recovery, Evidence evidence) {
        String stop = evidence.kind() == SqliteErrors.Damage.NOT_A_DATABASE
                ? "If DATABASE_URL (or the database setting) names the wrong file, fix that; otherwise stop" : "Stop";
        Path db = recovery.database();
        Optional<BackupInfo> backup = db == null || recovery.backups() == null ? Optional.empty() : newestIntact(recovery.backups(), db);
        if (backup.isPresent()) {
            BackupInfo b = backup.get();
            Fix.Command restore = evidence.opens() ? Fix.Command.RESTORE : Fix.Command.RESTORE_FORCED;
            return stop + " the application's writes, then restore the newest intact backup, taken " + WHEN.format(b.taken())
                    + " at schema version " + SchemaVersion.label(b.version()) + " (what was written after it is lost; the damaged file is"
                    + " kept beside it as " + db.getFileName() + Restore.REPLACED + "<time>): `"
                    + Fix.command(restore, b.file(), db) + "`.";
        }
        String none = db == null ? "The database's file is not known here, so no backup of it was looked for."
                : recovery.backups() == null ? "No backups directory is configured, so no backup of it was looked for."
                : "There is no intact backup of it in " + recovery.backups() + ".";
        String file = db == null ? "the database" : db.toString();
        return none + " " + stop + " the application, restore a backup you have elsewhere, or recover what SQLite can"
                + " still read into a new file with the sqlite3 shell: `sqlite3 " + file + " .recover | sqlite3 " + file + ".recovered`,"
                + " check it (PRAGMA integrity_check, your row counts) and put it in place of the damaged file.";
    }

    /** A refusal to work on the damaged file: {@link LiteShiftException.Reason#DAMAGED}, ending "Nothing was changed." */
    public static LiteShiftException refusal(Recovery recovery, String database, Evidence evidence, Throwable cause) {
        return new Refusal(paragraph(recovery, database, evidence) + " Nothing was changed.", cause);
    }

    /**
     * {@code e} explained when SQLite reported the file damaged anywhere in it: what was going on when it did (a
     * migration's file:line and what was rolled back), then the paragraph. {@code e} itself otherwise, and when it
     * is already explained.
     */
    public static RuntimeException explained(RuntimeException e, Recovery recovery, String database) {
        if (e instanceof Refusal) return e;
        Optional<Evidence> evidence = Evidence.ofError(e);
        if (evidence.isEmpty()) return e;
        String paragraph = paragraph(recovery, database, evidence.get());
        // opening failed: nothing else happened. Otherwise say what did, in the failure's own words
        if (e instanceof LiteShiftException l && l.reason() != LiteShiftException.Reason.DAMAGED) {
            return new Refusal(l.text() + "\n" + paragraph, e);
        }
        return new Refusal(paragraph + " Nothing was changed.", e);
    }

    /** The refusal when {@code e} says the file is damaged; otherwise a {@code FAILED} exception saying {@code failure}. */
    public static LiteShiftException refusalOr(SQLException e, Recovery recovery, String database, String failure) {
        return Evidence.ofError(e).map(d -> refusal(recovery, database, d, e))
                .orElseGet(() -> new LiteShiftException(LiteShiftException.Reason.FAILED, failure, e));
    }

    /** The explained form, so that it is explained once however many layers it passes. */
    private static final class Refusal extends LiteShiftException {
        Refusal(String message, Throwable cause) {
            super(Reason.DAMAGED, message, cause);
        }
    }

    /**
     * The newest backup of {@code database} in {@code dir} whose size and SHA-256 match its manifest (restore then
     * checks it fully); a damaged file's backups may be on the same damaged disk.
     */
    static Optional<BackupInfo> newestIntact(Path dir, Path database) {
        List<BackupInfo> all = Backups.list(dir, database.getFileName().toString());
        for (int i = all.size() - 1; i >= 0; i--) {
            BackupInfo b = all.get(i);
            if (intact(b)) return Optional.of(b);
        }
        return Optional.empty();
    }

    private static boolean intact(BackupInfo b) {
        Map<String, String> m = Manifest.read(b.file());
        try {
            return m.get("sha256") != null && String.valueOf(Files.size(b.file())).equals(m.get("size"))
                    && FileOps.sha256(b.file(), new AtomicLong()).equalsIgnoreCase(m.get("sha256"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Opening refused it: {@link Databases#open} says so as {@code DAMAGED}; every later failure is explained here. */
    private static boolean openFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LiteShiftException l && !(l instanceof Refusal) && l.reason() == LiteShiftException.Reason.DAMAGED) return true;
        }
        return false;
    }

    private static String sqliteMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && SqliteErrors.isDamage(s)) return SqliteErrors.message(s);
        }
        return String.valueOf(e.getMessage());
    }
}
