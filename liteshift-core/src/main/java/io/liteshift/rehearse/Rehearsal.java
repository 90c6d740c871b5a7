package io.liteshift.rehearse;

import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.Migrator;
import io.liteshift.migrate.Problem;
import io.liteshift.migrate.Verifier;
import io.liteshift.sql.SqliteErrors;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runbook's "test it locally first", done for real: an online copy of the database (SQLite's backup API, so
 * the copy is page for page the original, and writers are not blocked), the pending migrations applied to the copy
 * through the same {@link Migrator} as {@code migrate}, each one measured, then {@code verify} on the copy.
 * The original is only ever opened read-only.
 */
public final class Rehearsal {

    /**
     * @param keep        keep the copy (its path is in the report) instead of deleting it
     * @param outOfOrder  as {@code migrate --out-of-order}
     * @param lockTimeout how long to wait for another process's lock
     */
    public record Options(boolean keep, boolean outOfOrder, Duration lockTimeout) {
    }

    private Rehearsal() {
    }

    public static RehearsalReport run(Path database, MigrationDirectory dir, Options options) {
        Copies.removeStale();
        Path tmp;
        try {
            tmp = Copies.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the copy", e);
        }
        Path copy = tmp.resolve(database.getFileName().toString());
        boolean kept = false;
        try {
            backup(database, copy, options.lockTimeout());
            RehearsalReport r = rehearse(database.toString(), copy, dir, options, options.keep() ? copy : null);
            if (!options.keep()) return r;
            Path keptAt = Copies.keep(tmp).resolve(copy.getFileName());
            kept = true;
            return new RehearsalReport(r.database(), keptAt, r.sizeBefore(), r.sizeAfter(), r.steps(), r.failure(), r.problems());
        } catch (RuntimeException e) {
            if (!Interruption.stopped(e)) throw e;
            throw new Interrupted("the rehearsal of " + database, "the copy in " + tmp + " was removed; " + database
                    + " was not changed (a rehearsal only reads it).", e);
        } finally {
            if (!kept) Copies.delete(tmp);
        }
    }

    /** SQLite's online backup from a read-only connection: the original file is never written, not even its header. */
    private static void backup(Path database, Path copy, Duration lockTimeout) {
        try (Connection c = Databases.open(database, false, true, lockTimeout)) {
            boolean[] stopped = {false};
            // a copy by the backup API cannot be stopped half way: a stop is noticed after it, and the directory removed
            int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup("main", copy.toString(),
                    (remaining, total) -> stopped[0] |= Interruption.requested(), 100, 100, 16_384);
            if (stopped[0]) throw new Interrupted("", "", null);
            if (rc != 0 && rc != 101) {
                SQLiteErrorCode code = SQLiteErrorCode.getErrorCode(rc);
                throw new SQLiteException("the copy failed: " + code.message, code);
            }
        } catch (SQLException e) {
            if (DiskSpace.isFull(e)) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, DiskSpace.full(copy, "copying " + database
                        + " for the rehearsal", null) + "; the copy needs about " + Bytes.exactly(sizeOf(database)) + ", the size of"
                        + " the database. The copy was removed. Point the temporary directory at a larger volume"
                        + " (-Djava.io.tmpdir=DIR, e.g. in JAVA_TOOL_OPTIONS). Nothing was changed.", e);
            }
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot copy " + database + " for the rehearsal: "
                    + SqliteErrors.message(e) + ". Nothing was changed.", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static RehearsalReport rehearse(String database, Path copy, MigrationDirectory dir, Options options, Path keptAt) {
        String label = "the rehearsal copy of " + database;
        try (Connection c = Databases.open(copy, false, false, options.lockTimeout())) {
            long sizeBefore = size(c);
            List<RehearsalReport.Step> steps = new ArrayList<>();
            Migration[] current = new Migration[1];
            long[] stepSize = new long[1];
            Migrator migrator = new Migrator(dir, options.outOfOrder(), new Migrator.Listener() {
                @Override
                public void starting(Migration m) {
                    current[0] = m;
                    stepSize[0] = sizeOrZero(c);
                }

                @Override
                public void applied(Migration m, Duration took, long rowsChanged) {
                    steps.add(new RehearsalReport.Step(m.label(), m.name(), took, rowsChanged, stepSize[0], sizeOrZero(c)));
                    current[0] = null;
                }
            });
            try {
                migrator.migrate(c, label);
            } catch (Interrupted e) {
                throw e; // a stop is not a finding about the migrations
            } catch (LiteShiftException e) {
                RehearsalReport.Failure f = new RehearsalReport.Failure(current[0] == null ? null : current[0].fileName(), e.reason(), e.text());
                return new RehearsalReport(database, keptAt, sizeBefore, size(c), steps, f, List.of());
            }
            List<Problem> problems = Verifier.verify(c, migrator, label);
            return new RehearsalReport(database, keptAt, sizeBefore, size(c), steps, null, problems);
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "the rehearsal on a copy of " + database + " failed: "
                    + SqliteErrors.message(e) + ". The original was not changed.", e);
        }
    }

    /** The database's logical size: what the file holds once committed, whatever the journal mode. */
    private static long size(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long sizeOrZero(Connection c) {
        try {
            return size(c);
        } catch (SQLException e) {
            return 0; // a measurement, never a reason to fail the rehearsal
        }
    }

}
