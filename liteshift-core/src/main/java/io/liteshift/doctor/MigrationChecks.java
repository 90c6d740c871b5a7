package io.liteshift.doctor;

import io.liteshift.Fix;
import io.liteshift.migrate.History;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.Migrator;
import io.liteshift.migrate.Problem;
import io.liteshift.migrate.StatusReport;
import io.liteshift.migrate.UserTables;
import io.liteshift.migrate.Verifier;
import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.SchemaVersion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** The database against the migrations directory: the runbook's "no such table", pending work, and drift. */
final class MigrationChecks {
    private static final String JOURNAL = "liteshift_migrations";

    private MigrationChecks() {
    }

    /** @return what {@code migrate} would do now, for the disk space check; empty when nothing can be said */
    static List<Migration> check(Connection c, Path db, long size, MigrationDirectory dir, List<Diagnosis> out) throws SQLException {
        if (!dir.exists()) {
            out.add(Diagnosis.info("NO_MIGRATIONS", "no migrations directory at " + dir.label() + ".",
                    "Without it doctor cannot tell whether the schema is the one the application expects.",
                    "Pass --dir, or set migrations in liteshift.toml."));
            return List.of();
        }
        List<Migration> files = dir.migrations();
        long tables = UserTables.of(c).size(); // other tools' bookkeeping tables do not count
        boolean journal = DatabaseChecks.count(c, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + JOURNAL + "'") > 0;
        if (files.isEmpty()) return List.of();
        String newest = files.get(files.size() - 1).fileName();
        if (tables == 0 && !journal) {
            out.add(Diagnosis.error("EMPTY_DATABASE", "opened " + db + " (" + Bytes.exactly(size) + ", " + tables + " tables, no " + JOURNAL
                            + ") while " + dir.label() + " has " + files.size() + " migration(s), up to " + newest + ".",
                    "The application's first query fails with \"no such table\": the migrations never ran on this file, or"
                            + " DATABASE_URL points at another file than the one they ran on (a relative path resolved from"
                            + " another working directory, a missing volume that let the app create a fresh file).",
                    "Check that DATABASE_URL names the file on the volume (an absolute path such as file:/data/sqlite.db). If"
                            + " this is the right file, run `liteshift migrate" + (size == 0 ? " --create" : "") + "` (on boot, before"
                            + " serving traffic)" + (size == 0 ? "; a 0-byte file counts as missing, so it needs --create" : "") + "."));
            return files;
        }
        if (!journal) {
            out.add(Diagnosis.warning("NOT_BASELINED", db + " has " + tables + " table(s) but no " + JOURNAL + ": liteshift has never"
                            + " migrated it.",
                    "`liteshift migrate` would run " + files.get(0).fileName() + " on a database that already has tables, and"
                            + " fail with \"table ... already exists\".",
                    "Adopt it with `liteshift baseline --version N`, N being the migration whose schema it has."));
            return List.of();
        }
        StatusReport status = Verifier.status(c, new Migrator(dir, false), db.toString());
        History h = status.history();
        if (!h.pending().isEmpty()) {
            out.add(Diagnosis.warning("PENDING", h.pending().size() + " migration(s) not applied to " + db + " (at "
                            + SchemaVersion.label(h.version()) + "): " + h.pending().stream().map(Migration::fileName).collect(Collectors.joining(", ")) + ".",
                    "Code that expects them fails with \"no such table\" or \"no such column\".",
                    "Run `liteshift migrate` before the new code serves traffic (on boot)."));
        }
        for (Problem p : h.problems()) out.add(history(p));
        for (Problem p : status.drift()) {
            out.add(Diagnosis.warning("DRIFT", p.message(Fix.FrontEnd.COMMAND_LINE), "Someone changed the schema outside the migrations; the next"
                    + " migration may fail, or the application may meet columns it does not expect.",
                    "Put the change in a migration (`liteshift generate`), or undo it."));
        }
        if (!h.ahead().isEmpty()) {
            out.add(Diagnosis.info("AHEAD", db + " has migration(s) newer than " + dir.label() + ": "
                            + h.ahead().stream().map(a -> a.label() + " (" + a.name() + ")").collect(Collectors.joining(", ")) + ".",
                    "This copy of the migrations is older than the database (a rollback of the application, or an old checkout).",
                    "Nothing to do during a rollback; otherwise examine it with the newest migrations."));
        }
        return h.pending();
    }

    private static Diagnosis history(Problem p) {
        String fix = switch (p.kind()) {
            case CHECKSUM -> "Restore the applied text from version control, or accept a reviewed harmless edit with `liteshift repair`.";
            case MISSING -> "Restore the migration file from version control.";
            case OUT_OF_ORDER -> "Renumber it after the newest migration and run `liteshift hash`, or apply it with --out-of-order (outOfOrder in the Java API and the Maven plugin).";
            default -> "Review the change to the migrations directory, then run `liteshift hash`.";
        };
        return Diagnosis.error("HISTORY_" + p.kind().name(), p.message(Fix.FrontEnd.COMMAND_LINE),
                "`liteshift migrate` refuses (exit 5) to build on a history it cannot trust, so deployments that migrate on boot fail.",
                fix);
    }
}
