package io.liteshift.cli;

import io.liteshift.EachDatabase;
import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.History;
import io.liteshift.migrate.Problem;
import io.liteshift.migrate.Verification;
import io.liteshift.report.JsonReports;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "verify", header = "Check a database (or, without one, the repository) after deploying or in CI.",
        description = {
        "Check a database after deploying (and in CI): nothing pending, checksums and the integrity file hold, the live",
        "schema equals the latest snapshot, integrity_check is ok and foreign_key_check is clean. Reads only.",
        "Without a database (no --db, DATABASE_URL or database setting), or with --repo whatever is configured, it checks",
        "the repository alone, for CI: the integrity file, every snapshot against a replay of the migrations, and the",
        "schema file (or class) against the newest one, so a schema change nobody generated a migration for fails.",
        "Exit code 0 when all hold, 6 with each problem named otherwise.",
        "--each GLOB: every matching database, --parallel N at once, summed up in a table."})
final class VerifyCommand extends ProjectCommand {
    @Mixin
    JsonOption json;
    @Option(names = "--repo", description = "check the repository alone (CI), ignoring any database DATABASE_URL or"
            + " liteshift.toml names; not with --db or --each")
    boolean repo;
    @Mixin
    EachOptions each;

    @Override
    public Integer call() {
        if (repo) return verifyRepository();
        if (each.requested()) return EachRun.run(this, each, json.on, this::one);
        if (project.resolve().database() == null) return verifyDirectory(false);
        Verification v = Setup.database(project, null).verification();
        List<Problem> problems = v.problems();
        int exit = problems.isEmpty() ? 0 : Main.NOT_UP_TO_DATE;
        if (json.on) return Json.print(spec, exit, JsonReports.history(project.requireDatabase(), v.status().history(), problems));
        Reports.verified(problems, project.requireDatabase(), report());
        return exit;
    }

    private EachRun.Row one(EachDatabase.Match db) {
        Verification v = Setup.configuration(project, null, db).load().verification();
        List<Problem> problems = v.problems();
        History h = v.status().history();
        String result = problems.isEmpty() ? "verified"
                : problems.stream().anyMatch(p -> p.kind() == Problem.Kind.DAMAGED) ? "damaged" : "not verified";
        return new EachRun.Row(problems.isEmpty() ? 0 : Main.NOT_UP_TO_DATE, result,
                EachRun.Row.version(h.version()), problems.isEmpty() ? "" : problems.size() + " problem(s)",
                problems.stream().map(p -> p.message(Fix.FrontEnd.COMMAND_LINE)).toList(), JsonReports.history(db.name(), h, problems));
    }

    /** --repo: the repository alone, whatever database DATABASE_URL or liteshift.toml names. */
    private int verifyRepository() {
        String other = project.db != null ? "--db" : each.requested() ? "--each" : null;
        if (other != null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "--repo checks the"
                    + " repository alone, without a database, so it cannot be used with " + other + ". Drop one of them.");
        }
        return verifyDirectory(true);
    }

    /** No database given, or --repo: what CI can check from the repository alone. */
    private int verifyDirectory(boolean repositoryOnly) {
        List<Problem> problems = Setup.files(project).verifyDirectory();
        int exit = problems.isEmpty() ? 0 : Main.NOT_UP_TO_DATE;
        if (json.on) {
            // no database was read: the repository's migrations directory is what was checked
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("database", null);
            m.put("directory", project.resolve().migrations().toString());
            m.put("repositoryOnly", repositoryOnly);
            m.put("problems", JsonReports.problems(problems));
            return Json.print(spec, exit, m);
        }
        Reports.verifiedDirectory(problems, project.resolve(), repositoryOnly, report());
        return exit;
    }
}
