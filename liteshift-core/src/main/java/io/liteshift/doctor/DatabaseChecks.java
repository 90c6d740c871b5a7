package io.liteshift.doctor;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.Databases;
import io.liteshift.backup.BackupCheck;
import io.liteshift.backup.Damage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the file holds: a SQLite database at all, an undamaged one, and the settings a web application needs. */
final class DatabaseChecks {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Damage.Evidence NOT_A_DATABASE = Damage.Evidence.notADatabase("it does not start with SQLite's header");

    private DatabaseChecks() {
    }

    /** The file's first 100 bytes tell whether it is SQLite's, and which library wrote it last. */
    record Header(long size, Optional<Integer> lastWriter) {
    }

    /** @return the header, or empty (with a finding) when the file is not a database or cannot be read */
    static Optional<Header> header(Path db, Damage.Recovery recovery, List<Diagnosis> out) {
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(db)) {
            size = Files.size(db);
            head = in.readNBytes(100);
        } catch (IOException e) {
            out.add(Diagnosis.error("DB_NOT_READABLE", db + " cannot be read (" + e.getMessage() + "); it is " + Access.describe(db) + ".",
                    "Every connection fails with \"unable to open database file\".",
                    "Give the application's user read and write access (chown / chmod), as for an unwritable database."));
            return Optional.empty();
        }
        if (size == 0) return Optional.of(new Header(0, Optional.empty())); // SQLite's own view: an empty database
        if (head.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC)) {
            out.add(Diagnosis.error("NOT_A_DATABASE", db + " (" + Bytes.exactly(size) + ") does not start with SQLite's header; its first bytes"
                            + " read \"" + printable(head) + "\".",
                    "Every query fails with \"file is not a database\" (SQLITE_NOTADB).",
                    "Check that DATABASE_URL names the database and not another file (a dump, a backup archive, a Litestream"
                            + " or LiteFS data file). " + text(Damage.fix(recovery, NOT_A_DATABASE))));
            return Optional.empty();
        }
        Optional<Integer> writer = Optional.empty();
        if (head.length >= 100) {
            int v = ((head[96] & 0xff) << 24) | ((head[97] & 0xff) << 16) | ((head[98] & 0xff) << 8) | (head[99] & 0xff);
            if (v > 0) writer = Optional.of(v);
        }
        return Optional.of(new Header(size, writer));
    }

    /** Opens read-only, never creating, never waiting long; a failure is a finding. */
    static Optional<Connection> open(Path db, Damage.Recovery recovery, List<Diagnosis> out) {
        try {
            // a zero-byte file (what an application's first connection leaves) is read as the empty database it will
            // become, so that it is reported as EMPTY_DATABASE; read only, it is never written
            return Optional.of(Databases.open(db, Files.isRegularFile(db), true, Duration.ofSeconds(2)));
        } catch (LiteShiftException e) {
            Optional<Damage.Evidence> damage = Damage.Evidence.ofError(e);
            if (damage.isPresent()) {
                out.add(damaged(db, recovery, damage.get()));
                return Optional.empty();
            }
            out.add(Diagnosis.error("CANNOT_OPEN", "SQLite cannot open " + db + ": " + e.getMessage(),
                    "The application's connections fail the same way.",
                    "See the message: restore the file from a backup if it is damaged, fix its access if it is unreadable."));
            return Optional.empty();
        }
    }

    /** {@code PRAGMA quick_check}; a damaged file is a finding, and the checks after it are not run. */
    static boolean damaged(Connection c, Path db, Damage.Recovery recovery, List<Diagnosis> out) throws SQLException {
        Damage.Evidence evidence;
        try {
            List<String> problems = Damage.check(c, BackupCheck.QUICK);
            if (problems.isEmpty()) return false;
            evidence = Damage.Evidence.ofCheck(BackupCheck.QUICK.pragma(), problems);
        } catch (SQLException e) {
            evidence = Damage.Evidence.ofError(e).orElseThrow(() -> e);
        }
        out.add(damaged(db, recovery, evidence));
        return true;
    }

    /** The damage paragraph as a finding: doctor's texts are the command line's. */
    private static Diagnosis damaged(Path db, Damage.Recovery recovery, Damage.Evidence evidence) {
        return Diagnosis.error("DAMAGED", Damage.found(db.toString(), evidence), Damage.consequence(evidence),
                text(Damage.fix(recovery, evidence)) + " `PRAGMA integrity_check` lists every problem.");
    }

    private static String text(String withFixes) {
        return Fix.render(withFixes, Fix.FrontEnd.COMMAND_LINE);
    }

    /** Journal mode, busy timeout, foreign keys and the SQLite versions involved. */
    static void settings(Connection c, Path db, Header header, List<Diagnosis> out) throws SQLException {
        String mode = one(c, "PRAGMA journal_mode");
        if (!"wal".equalsIgnoreCase(mode)) {
            out.add(Diagnosis.info("JOURNAL_MODE", db + " uses journal_mode=" + mode + ".",
                    "In rollback-journal mode a writer blocks every reader while it commits; a web application with"
                            + " concurrent requests sees \"database is locked\" sooner.",
                    "Switch to WAL once (`PRAGMA journal_mode=WAL`, it is stored in the file; all processes must be on the same"
                            + " machine, not a network file system). liteshift migrations cannot change it inside a transaction."));
        }
        out.add(Diagnosis.info("BUSY_TIMEOUT", "busy_timeout is a setting of each connection, not of the file: doctor cannot see"
                        + " the application's.",
                "Without one, a connection that meets another's lock fails at once with \"database is locked\" (SQLITE_BUSY),"
                        + " e.g. while a migration runs.",
                "Set it on every connection of the application, e.g. 5000 ms (jdbc:sqlite:...?busy_timeout=5000, or"
                        + " SQLiteConfig.setBusyTimeout(5000), or `PRAGMA busy_timeout = 5000`)."));
        long fks = count(c, "SELECT count(*) FROM sqlite_schema s, pragma_foreign_key_list(s.name) WHERE s.type = 'table'");
        if (fks > 0) {
            out.add(Diagnosis.info("FOREIGN_KEYS", db + " declares " + fks + " foreign key column reference(s); enforcement is a"
                            + " setting of each connection and is off by default.",
                    "Without `PRAGMA foreign_keys = ON` on the application's connections, ON DELETE actions never fire and"
                            + " orphan rows go unnoticed.",
                    "Enable it on every connection (jdbc:sqlite:...?foreign_keys=on, or SQLiteConfig.enforceForeignKeys(true))."));
        }
        String bundled = one(c, "SELECT sqlite_version()");
        String writer = header.lastWriter().map(DatabaseChecks::version).orElse("unknown (new file)");
        out.add(Diagnosis.info("SQLITE_VERSION", "liteshift runs SQLite " + bundled + " (bundled with its driver); " + db.getFileName()
                        + " was last written by SQLite " + writer + ".",
                "Features depend on the library that runs the SQL: ALTER TABLE DROP COLUMN and RETURNING need 3.35,"
                        + " STRICT tables 3.37, ALTER TABLE ... ALTER COLUMN SET/DROP NOT NULL 3.53. The application's own"
                        + " driver may bundle an older SQLite than liteshift's.",
                "Keep the application's SQLite at least as new as the features its schema and queries use (check with"
                        + " `SELECT sqlite_version()` from the application)."));
    }

    static String version(int number) {
        return number / 1_000_000 + "." + number / 1000 % 1000 + "." + number % 1000;
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String printable(byte[] head) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(16, head.length); i++) {
            char ch = (char) (head[i] & 0xff);
            s.append(ch >= 32 && ch < 127 ? ch : '.');
        }
        return s.toString();
    }
}
