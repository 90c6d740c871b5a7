package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.ForeignKeyCheck;
import io.liteshift.backup.BackupCheck;
import io.liteshift.backup.Damage;
import io.liteshift.inspect.Inspector;
import io.liteshift.sqlite.SchemaVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The runbook's "verify in production": nothing pending, the history intact, the live schema equal to the latest
 * snapshot, and the file sound ({@code integrity_check}, {@code foreign_key_check}). Reads only.
 */
public final class Verifier {
    private Verifier() {
    }

    public static StatusReport status(Connection c, Migrator migrator, String database) throws SQLException {
        History h = migrator.history(c);
        Optional<String> online = io.liteshift.sqlite.Databases.fileOf(c).flatMap(io.liteshift.online.OnlineRebuild::pending);
        return new StatusReport(database, h, Snapshots.drift(migrator.directory(), h.version(), Inspector.inspect(c)), online);
    }

    /** Every problem found; empty means verified. */
    public static List<Problem> verify(Connection c, Migrator migrator, String database) throws SQLException {
        return verification(c, migrator, database).problems();
    }

    /** As {@link #verify}, with the status computed on the way. */
    public static Verification verification(Connection c, Migrator migrator, String database) throws SQLException {
        return verification(c, migrator, database, new Damage.Recovery(null, null));
    }

    /** As {@link #verification(Connection, Migrator, String)}; damage is explained with {@code recovery}'s backups. */
    public static Verification verification(Connection c, Migrator migrator, String database, Damage.Recovery recovery)
            throws SQLException {
        MigrationDirectory dir = migrator.directory();
        StatusReport status = status(c, migrator, database);
        History h = status.history();
        List<Problem> out = new ArrayList<>(status.problems());
        for (Migration m : h.pending()) {
            out.add(new Problem(Problem.Kind.PENDING, "pending: " + dir.label() + "/" + m.fileName() + " is not applied to " + database
                    + ". Run `" + Fix.command(Fix.Command.MIGRATE) + "`."));
        }
        for (AppliedMigration a : h.ahead()) {
            out.add(new Problem(Problem.Kind.AHEAD, database + " has migration " + a.label() + " (" + a.name() + ") applied, which is"
                    + " not in " + dir.label() + ": this checkout is older than the database. Verify with the newest migrations."));
        }
        if (h.version() > 0 && h.ahead().isEmpty() && dir.snapshot(h.version()).isEmpty()) {
            out.add(new Problem(Problem.Kind.DRIFT, "no snapshot of " + SchemaVersion.label(h.version()) + " in " + dir.snapshotsName()
                    + " to compare the live schema with. Run `" + Fix.command(Fix.Command.HASH) + "` and commit the snapshot."));
        }
        Optional<Problem> damaged = integrity(c, database, recovery);
        if (damaged.isPresent()) {
            // first: nothing else said about a damaged file can be trusted; and foreign_key_check would read the damaged
            // pages again, and say less
            out.add(0, damaged.get());
            return new Verification(status, out);
        }
        ForeignKeyCheck.orphans(c, tables(c)).ifPresent(detail -> out.add(new Problem(Problem.Kind.DATABASE,
                "foreign_key_check: rows of " + database + " reference rows that do not exist:\n" + detail
                        + "\n  Delete or fix those rows (or restore the rows they reference).")));
        return new Verification(status, out);
    }

    /**
     * The checks CI can run without a database: the directory's integrity, every snapshot equal to what replaying
     * the migrations produces, and the declared schema (when given) equal to the newest of them, so that a schema
     * change nobody generated a migration for fails the build.
     */
    public static List<Problem> verifyDirectory(MigrationDirectory dir, Path declared) throws SQLException {
        boolean given = declared != null && Files.exists(declared);
        return verifyDirectory(dir, String.valueOf(declared), given ? () -> DeclaredSchema.load(declared).schema() : null);
    }

    /** As {@link #verifyDirectory(MigrationDirectory, java.nio.file.Path)}; {@code declared} may be null (no schema to check). */
    public static List<Problem> verifyDirectory(MigrationDirectory dir, String label,
                                                Supplier<Schema> declared) throws SQLException {
        List<Problem> out = new ArrayList<>(dir.problems());
        if (!dir.layoutProblems().isEmpty()) return out;
        // each migration's schema is inspected once, reusing the tables the ones before it left unchanged; the last one
        // is the schema the directory produces (no migration: the empty schema)
        Inspector.Memo memo = new Inspector.Memo();
        Schema[] last = {Schema.EMPTY};
        try (Connection mem = Replay.run(dir, Integer.MAX_VALUE, (m, db) -> {
            last[0] = Inspector.inspect(db, memo);
            Optional<String> snapshot = dir.snapshot(m.version());
            String where = dir.snapshotName(m.version());
            if (snapshot.isEmpty()) {
                out.add(new Problem(Problem.Kind.DRIFT, where + " is missing. Run `" + Fix.command(Fix.Command.HASH) + "` and commit it."));
            } else if (!Differ.diff(Snapshots.schemaOf(where, snapshot.get()), last[0]).isEmpty()) {
                out.add(new Problem(Problem.Kind.DRIFT, where + " is not the schema " + m.fileName() + " produces (edited by"
                        + " hand, or written from another text of the migration). Run `" + Fix.command(Fix.Command.HASH) + "` and review the change."));
            }
        })) {
            // replayed to the end: last holds the newest schema
        }
        if (declared != null) {
            List<Change> missing = Differ.diff(last[0], declared.get());
            if (!missing.isEmpty()) {
                out.add(new Problem(Problem.Kind.DRIFT, label + " has changes that no migration makes: "
                        + missing.stream().map(Change::describe).collect(Collectors.joining("; "))
                        + ". Run `" + Fix.command(Fix.Command.GENERATE) + "` and commit the migration."));
            }
        }
        return out;
    }

    /** {@code integrity_check}: the damage paragraph when it finds any, or cannot even read the file. */
    private static Optional<Problem> integrity(Connection c, String database, Damage.Recovery recovery) throws SQLException {
        Damage.Evidence evidence;
        try {
            List<String> problems = Damage.check(c, BackupCheck.FULL);
            if (problems.isEmpty()) return Optional.empty();
            evidence = Damage.Evidence.ofCheck(BackupCheck.FULL.pragma(), problems);
        } catch (SQLException e) {
            evidence = Damage.Evidence.ofError(e).orElseThrow(() -> e);
        }
        return Optional.of(new Problem(Problem.Kind.DAMAGED, Damage.paragraph(recovery, database, evidence)));
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
