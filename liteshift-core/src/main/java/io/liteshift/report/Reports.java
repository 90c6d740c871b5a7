package io.liteshift.report;

import io.liteshift.Fix;
import io.liteshift.Owner;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.BackupLeftover;
import io.liteshift.backup.RestoreResult;
import io.liteshift.config.ProjectConfig;
import io.liteshift.diff.Change;
import io.liteshift.doctor.Diagnosis;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Severity;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.migrate.History;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.Problem;
import io.liteshift.migrate.StatusReport;
import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.seed.AppliedSeed;
import io.liteshift.seed.SeedResult;
import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.SchemaVersion;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The text reports of the commands, shared by every front end so that a build log says what the command line says.
 * Each method only prints; whether the result is a failure (an exit code, a failed build) is the front end's call.
 */
public final class Reports {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** To the millisecond: backups taken in the same second are told apart. */
    private static final DateTimeFormatter LISTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Reports() {
    }

    /** A migration written by generate or revert; {@code whenNothing} is printed when nothing changed. */
    public static void generated(GenerateResult r, String whenNothing, ReportOutput out) {
        for (String s : r.snapshots()) out.line("refreshed " + s);
        if (r.file().isEmpty()) {
            out.line(whenNothing);
            return;
        }
        out.line("wrote " + r.file().get());
        for (Change c : r.plan().changes()) out.line("  " + c.describe());
        String online = r.sql().contains(io.liteshift.migrate.OnlineDirective.LINE) ? " (online)" : "";
        r.plan().rebuilds().forEach(m -> out.line("  rebuilds " + m.to().name() + online + ": " + String.join("; ", m.reasons())));
        if (!r.attention().isEmpty()) {
            out.line("Needs attention:");
            r.attention().forEach(a -> out.line("  - " + a));
        }
        out.line("Next: review the file (edit it if needed, then `" + Fix.Command.HASH.in(out.frontEnd()) + "`), commit it, and run `"
                + Fix.Command.MIGRATE.in(out.frontEnd()) + "`.");
    }

    /** generate's migration, or that the declared schema of {@code settings} equals the one its migrations produce. */
    public static void generated(GenerateResult r, ProjectConfig settings, ReportOutput out) {
        generated(r, "No changes: " + settings.schemaLabel() + " equals the schema of " + settings.migrations()
                + ". Nothing was written.", out);
    }

    /** An empty migration created for hand-written SQL. */
    public static void created(Path file, ReportOutput out) {
        out.line("wrote " + file);
        out.line("Next: write the SQL, then run `" + Fix.Command.HASH.in(out.frontEnd()) + "`.");
    }

    /** The files hash rewrote. */
    public static void hashed(List<String> written, Path migrations, ReportOutput out) {
        written.forEach(f -> out.line("wrote " + migrations.resolve(f)));
    }

    public static void migrated(MigrateResult r, String database, ReportOutput out) {
        // what lint warned about and migrate went ahead with: a drop that destroys data must not scroll by as just "applied"
        for (String w : r.lintWarnings()) out.warning("lint: " + w);
        r.backup().ifPresent(b -> out.line("backup " + b));
        for (AppliedMigration a : r.applied()) out.line(String.format("applied %s_%s in %d ms", a.label(), a.name(), a.took().toMillis()));
        if (!r.appliedByOthers().isEmpty()) out.line("applied meanwhile by another process: " + r.appliedByOthers());
        for (String note : notes(r, out.frontEnd())) out.line("note: " + note);
        for (Problem d : r.drift()) out.warning(d.message(out.frontEnd()));
        if (r.onReplica()) {
            out.line(String.format("LiteFS replica of %s: the schema is at %s; nothing written here.", r.replicaOf().get(), SchemaVersion.label(r.version())));
        } else if (r.upToDate()) out.line("Nothing to do: " + database + " is up to date"
                + (r.version() == 0 ? " (no migrations)." : " at " + SchemaVersion.label(r.version()) + "."));
        else out.line(String.format("Database at %s; %d applied in %d ms.", SchemaVersion.label(r.version()), r.applied().size(), r.took().toMillis()));
    }

    /** A migration's notes, less the replica's "nothing written", which {@link #migrated} says in its own words. */
    public static List<String> notes(MigrateResult r, Fix.FrontEnd frontEnd) {
        return r.notes(frontEnd).stream().filter(n -> !(r.onReplica() && n.startsWith("replica of "))).toList();
    }

    public static void status(StatusReport r, Path migrations, ReportOutput out) {
        History h = r.history();
        out.line("database:   " + r.database());
        out.line("migrations: " + migrations);
        for (AppliedMigration a : h.applied()) {
            out.line(String.format("  applied  %s_%s  %s UTC by %s%s", a.label(), a.name(), WHEN.format(a.appliedAt()), a.appliedBy(),
                    a.kind().equals("baseline") ? " (baseline)" : ""));
        }
        for (Migration m : h.pending()) out.line("  pending  " + m.fileName());
        for (Problem p : r.problems()) out.line("problem: " + p.message(out.frontEnd()));
        r.online().ifPresent(t -> out.line("note: an online rebuild of " + t + " was stopped before it finished; " + t + " is complete"
                + " and in use. The next `" + Fix.Command.MIGRATE.in(out.frontEnd()) + "` (or push --online) of the same change resumes it;"
                + " any other change removes it first."));
        out.line(r.upToDate() ? "Up to date at " + SchemaVersion.label(h.version()) + "."
                : "Not up to date: " + h.pending().size() + " pending, " + r.problems().size() + " problem(s).");
    }

    /** verify on a database. */
    public static void verified(List<Problem> problems, String database, ReportOutput out) {
        if (problems.isEmpty()) {
            out.line("Verified " + database + ": up to date, history intact, schema as migrated,"
                    + " integrity_check ok, no broken foreign keys.");
            return;
        }
        for (Problem p : problems) out.line("problem: " + p.message(out.frontEnd()));
        out.line(problems.size() + " problem(s): " + database + " is not verified.");
    }

    /** verify without a database: the migrations directory against itself and the declared schema. */
    public static void verifiedDirectory(List<Problem> problems, ProjectConfig settings, ReportOutput out) {
        verifiedDirectory(problems, settings, false, out);
    }

    /** As above; {@code repositoryOnly}: asked for ({@code --repo}), whatever database is configured. */
    public static void verifiedDirectory(List<Problem> problems, ProjectConfig settings, boolean repositoryOnly, ReportOutput out) {
        Path migrations = settings.migrations();
        if (problems.isEmpty()) {
            out.line("Verified " + migrations + (repositoryOnly ? " (the repository only)" : " (no database given)") + ": integrity file, snapshots and "
                    + (settings.schemaClass() != null ? "the schema class " + settings.schemaClass() : settings.schema().getFileName())
                    + " agree.");
            return;
        }
        for (Problem p : problems) out.line("problem: " + p.message(out.frontEnd()));
        out.line(problems.size() + " problem(s) in " + migrations + ".");
    }

    public static void lint(LintReport r, ReportOutput out) {
        for (LintIssue i : r.issues()) out.line(i.toString());
        out.line(lintSummary(r));
    }

    /** {@code 2 migration(s) linted against app.db: 1 error(s), 3 warning(s), 0 note(s).} */
    private static String lintSummary(LintReport r) {
        long warnings = r.issues().stream().filter(i -> i.severity() == Severity.WARNING).count();
        return String.format("%d migration(s) linted%s: %d error(s), %d warning(s), %d note(s)%s.", r.linted().size(),
                r.database() == null ? " without a database" : " against " + r.database(), r.errors().size(), warnings,
                r.issues().size() - r.errors().size() - warnings, r.suppressed() > 0 ? ", " + r.suppressed() + " suppressed" : "");
    }

    /**
     * lint's findings in {@code format}: the text above, GitHub workflow commands (one per finding, then the summary
     * line, which the runner shows as it is) or a SARIF log (one JSON text). {@code place} says where the files are
     * for the last two.
     */
    public static void lint(LintReport r, LintFormat format, LintPlace place, ReportOutput out) {
        switch (format) {
            case TEXT -> lint(r, out);
            case GITHUB -> {
                GitHubAnnotations.lines(r, place).forEach(out::line);
                out.line(lintSummary(r));
            }
            case SARIF -> out.line(SarifLog.of(r, place));
        }
    }

    public static void rehearsal(RehearsalReport r, ReportOutput out) {
        out.line("Rehearsal on a copy of " + r.database() + " (" + Bytes.of(r.sizeBefore()) + "):");
        for (RehearsalReport.Step s : r.steps()) {
            out.line(String.format("  applied %s_%s in %d ms: %d row(s) changed, %s -> %s", s.label(), s.name(), s.took().toMillis(),
                    s.rowsChanged(), Bytes.of(s.sizeBefore()), Bytes.of(s.sizeAfter())));
        }
        if (r.failure() != null) {
            out.line("  FAILED" + (r.failure().migration() == null ? "" : " " + r.failure().migration()) + ":");
            out.line("    " + r.failure().message(out.frontEnd()).replace("\n", "\n    "));
        }
        for (Problem p : r.problems()) out.line("  verify: problem: " + p.message(out.frontEnd()));
        if (r.copy() != null) out.line("The migrated copy is kept at " + r.copy());
        long total = r.steps().stream().mapToLong(s -> s.took().toMillis()).sum();
        if (r.failure() != null) out.line("Rehearsal failed: fix the migration before deploying. " + r.database() + " was not changed.");
        else if (!r.problems().isEmpty()) out.line("Rehearsal applied " + r.steps().size() + " migration(s), but verify found "
                + r.problems().size() + " problem(s) on the copy. " + r.database() + " was not changed.");
        else if (r.steps().isEmpty()) out.line("Nothing pending; the copy verifies. " + r.database() + " was not changed.");
        else out.line("Rehearsal passed: " + r.steps().size() + " migration(s) in " + total + " ms, " + Bytes.of(r.sizeBefore()) + " -> "
                + Bytes.of(r.sizeAfter()) + ", verified. " + r.database() + " was not changed.");
    }

    public static void backup(BackupInfo b, ReportOutput out) {
        out.line(String.format("backup %s (%s, v%s, sha256 %s)", b.file(), Bytes.of(b.size()), SchemaVersion.label(b.version()), b.sha256()));
    }

    /**
     * The backups of {@code dir}, oldest first (of {@code database}'s file when given), then the partial ones: one line
     * each, with time (UTC), version, size and checksum.
     */
    public static void backups(List<BackupInfo> all, List<BackupLeftover> partial, Path dir, String database, ReportOutput out) {
        if (all.isEmpty()) out.line("No backups in " + dir + (database == null ? "." : " of " + database + "."));
        for (BackupInfo b : all) {
            out.line(String.format("%s UTC  v%s  %9s  %s  %s", LISTED.format(b.taken()), SchemaVersion.label(b.version()), Bytes.of(b.size()),
                    b.sha256() == null ? "no manifest" : "sha256 " + b.sha256().substring(0, 16), b.file().getFileName()));
        }
        for (BackupLeftover l : partial) {
            out.line(String.format("%s UTC  partial  %9s  %s  %s", LISTED.format(l.started()), Bytes.of(l.size()), l.file().getFileName(),
                    l.leftOver() ? "left by a stopped backup (" + Owner.describe(l.owner(), true) + "); the next backup removes it"
                            : "being written (" + Owner.describe(l.owner(), false) + ")"));
        }
    }

    /** A size as the reports write it ("3.1 MiB"), for a front end's own lines (a row of a table). */
    public static String bytes(long bytes) {
        return Bytes.of(bytes);
    }

    /** A schema version as the reports write it ("0003"), for a front end's own lines. */
    public static String version(int version) {
        return SchemaVersion.label(version);
    }

    /** A duration as the reports write it, for a front end's own lines. */
    public static String duration(Duration d) {
        return Databases.describe(d);
    }

    public static void restored(RestoreResult r, Path backup, ReportOutput out) {
        out.line(String.format("restored %s from %s (v%s)", r.target(), backup.getFileName(), SchemaVersion.label(r.backup().version())));
        if (r.replaced() != null) out.line("the previous file is kept as " + r.replaced());
        for (Path p : r.movedAside()) out.line("moved aside: " + p);
    }

    public static void seeded(SeedResult r, ReportOutput out) {
        for (AppliedSeed a : r.applied()) {
            out.line(String.format("seeded %s (%s) in %d ms", a.name(), a.kind(), a.took().toMillis()));
        }
        for (String w : r.warnings()) out.warning(w);
    }

    public static void doctor(DoctorReport r, ReportOutput out) {
        out.line("database: " + r.database());
        for (Diagnosis f : r.findings()) {
            out.line("");
            out.line(f.severity().name().toLowerCase(Locale.ROOT) + " " + f.code());
            out.line("  found: " + f.found().replace("\n", "\n         "));
            out.line("  cause: " + f.cause());
            out.line("  fix:   " + f.fix());
        }
        out.line("");
        out.line(r.count(Diagnosis.Severity.ERROR) + " error(s), " + r.count(Diagnosis.Severity.WARNING) + " warning(s), "
                + r.count(Diagnosis.Severity.INFO) + " note(s).");
    }
}
