package io.liteshift.cli;

import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.Backups;
import io.liteshift.backup.RestoreResult;
import io.liteshift.diff.Change;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Problem;
import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.seed.AppliedSeed;
import io.liteshift.seed.SeedResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** How commands report what the library did: one wording for each result, whichever command (or the demo) prints it. */
final class Reports {
    private Reports() {
    }

    static void generated(GenerateResult r, String whenNothing, PrintWriter out, PrintWriter err) {
        for (String w : r.warnings()) err.println("liteshift: warning: " + w);
        for (String s : r.snapshots()) out.println("refreshed " + s);
        if (r.file().isEmpty()) {
            out.println(whenNothing);
            return;
        }
        out.println("wrote " + r.file().get());
        for (Change c : r.plan().changes()) out.println("  " + c.describe());
        r.plan().rebuilds().forEach(m -> out.println("  rebuilds " + m.to().name() + ": " + String.join("; ", m.reasons())));
        if (!r.attention().isEmpty()) {
            out.println("Needs attention:");
            r.attention().forEach(a -> out.println("  - " + a));
        }
        out.println("Next: review the file (edit it if needed, then `liteshift hash`), commit it, and run `liteshift migrate`.");
    }

    static void hashed(List<String> written, Path migrations, PrintWriter out) {
        written.forEach(f -> out.println("wrote " + migrations.resolve(f)));
    }

    static void migrated(MigrateResult r, String database, PrintWriter out, PrintWriter err) {
        r.backup().ifPresent(b -> out.println("backup " + b));
        for (AppliedMigration a : r.applied()) out.printf("applied %s_%s in %d ms%n", a.label(), a.name(), a.took().toMillis());
        if (!r.appliedByOthers().isEmpty()) {
            out.println("applied meanwhile by another process: " + r.appliedByOthers());
        }
        for (String note : r.notes()) out.println("note: " + note);
        for (Problem d : r.drift()) err.println("liteshift: warning: " + d.message());
        if (r.upToDate()) out.println("Nothing to do: " + database + " is up to date"
                + (r.version() == 0 ? " (no migrations)." : " at " + String.format("%04d", r.version()) + "."));
        else out.printf("Database at %04d; %d applied in %d ms.%n", r.version(), r.applied().size(), r.took().toMillis());
    }

    static void lint(LintReport r, PrintWriter out) {
        for (LintIssue i : r.issues()) out.println(i);
        long warnings = r.issues().stream().filter(i -> i.severity() == LintIssue.Severity.WARNING).count();
        out.printf("%d migration(s) linted%s: %d error(s), %d warning(s), %d note(s)%s.%n", r.linted().size(),
                r.database() == null ? " without a database" : " against " + r.database(), r.errors().size(), warnings,
                r.issues().size() - r.errors().size() - warnings, r.suppressed() > 0 ? ", " + r.suppressed() + " suppressed" : "");
    }

    static void rehearsal(RehearsalReport r, PrintWriter out) {
        out.println("Rehearsal on a copy of " + r.database() + " (" + size(r.sizeBefore()) + "):");
        for (RehearsalReport.Step s : r.steps()) {
            out.printf("  applied %s_%s in %d ms: %d row(s) changed, %s -> %s%n", s.label(), s.name(), s.took().toMillis(),
                    s.rowsChanged(), size(s.sizeBefore()), size(s.sizeAfter()));
        }
        if (r.failure() != null) {
            out.println("  FAILED" + (r.failure().migration() == null ? "" : " " + r.failure().migration()) + ":");
            out.println("    " + r.failure().message().replace("\n", "\n    "));
        }
        for (Problem p : r.problems()) out.println("  verify: problem: " + p.message());
        if (r.copy() != null) out.println("The migrated copy is kept at " + r.copy());
        long total = r.steps().stream().mapToLong(s -> s.took().toMillis()).sum();
        if (r.failure() != null) out.println("Rehearsal failed: fix the migration before deploying. " + r.database() + " was not changed.");
        else if (!r.problems().isEmpty()) out.println("Rehearsal applied " + r.steps().size() + " migration(s), but verify found "
                + r.problems().size() + " problem(s) on the copy. " + r.database() + " was not changed.");
        else if (r.steps().isEmpty()) out.println("Nothing pending; the copy verifies. " + r.database() + " was not changed.");
        else out.println("Rehearsal passed: " + r.steps().size() + " migration(s) in " + total + " ms, " + size(r.sizeBefore()) + " -> "
                + size(r.sizeAfter()) + ", verified. " + r.database() + " was not changed.");
    }

    static void backup(BackupInfo b, PrintWriter out) {
        out.printf("backup %s (%s, v%04d, sha256 %s)%n", b.file(), Backups.human(b.size()), b.version(), b.sha256());
    }

    static void restored(RestoreResult r, Path backup, PrintWriter out) {
        out.printf("restored %s from %s (v%04d)%n", r.target(), backup.getFileName(), r.backup().version());
        if (r.replaced() != null) out.println("the previous file is kept as " + r.replaced());
        for (Path p : r.movedAside()) out.println("moved aside: " + p);
    }

    static void seeded(SeedResult r, PrintWriter out, PrintWriter err) {
        for (AppliedSeed a : r.applied()) out.printf("seeded %s (%s) in %d ms%n", a.name(), a.kind(), a.took().toMillis());
        for (String w : r.warnings()) err.println("liteshift: warning: " + w);
    }

    static void verified(String database, List<Problem> problems, PrintWriter out) {
        if (problems.isEmpty()) {
            out.println("Verified " + database + ": up to date, history intact, schema as migrated,"
                    + " integrity_check ok, no broken foreign keys.");
            return;
        }
        for (Problem p : problems) out.println("problem: " + p.message());
        out.println(problems.size() + " problem(s): " + database + " is not verified.");
    }

    static String size(long bytes) {
        if (bytes < 10_000) return bytes + " B";
        if (bytes < 10_000_000) return (bytes + 512) / 1024 + " KiB";
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}
