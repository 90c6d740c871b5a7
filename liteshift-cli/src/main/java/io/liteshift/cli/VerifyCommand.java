package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.migrate.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "verify", header = "Check a database (or, without one, the repository) after deploying or in CI.",
        description = {
        "Check a database after deploying (and in CI): nothing pending, checksums and the integrity file hold, the live",
        "schema equals the latest snapshot, integrity_check is ok and foreign_key_check is clean. Reads only.",
        "Without a database (no --db, DATABASE_URL or database setting) it checks the repository alone, for CI: the",
        "integrity file, every snapshot against a replay of the migrations, and the schema file against the newest one.",
        "Exit code 0 when all hold, 6 with each problem named otherwise."})
final class VerifyCommand extends ProjectCommand {
    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        if (project.resolve().database() == null) return verifyDirectory();
        LiteShift ls = Setup.database(project, null);
        List<Problem> problems = ls.verify();
        PrintWriter out = out();
        if (json) {
            out.println(Json.of(Json.history(project.requireDatabase(), ls.status().history(), problems.isEmpty(), problems)));
        } else {
            Reports.verified(project.requireDatabase(), problems, out);
        }
        return problems.isEmpty() ? 0 : Main.NOT_UP_TO_DATE;
    }

    /** No database given: what CI can check from the repository alone. */
    private int verifyDirectory() {
        List<Problem> problems = Setup.files(project).verifyDirectory();
        if (json) {
            out().println(Json.of(java.util.Map.of("database", "none", "ok", problems.isEmpty(), "problems", Json.problems(problems))));
        } else if (problems.isEmpty()) {
            out().println("Verified " + project.resolve().migrations() + " (no database given): integrity file, snapshots and "
                    + project.resolve().schema().getFileName() + " agree.");
        } else {
            for (Problem p : problems) out().println("problem: " + p.message());
            out().println(problems.size() + " problem(s) in " + project.resolve().migrations() + ".");
        }
        return problems.isEmpty() ? 0 : Main.NOT_UP_TO_DATE;
    }
}
