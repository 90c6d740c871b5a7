package io.liteshift.cli;

import io.liteshift.ReviewOptions;
import io.liteshift.ReviewResult;
import io.liteshift.SchemaSource;
import io.liteshift.config.DatabaseSpec;
import io.liteshift.config.ProjectConfig;
import io.liteshift.report.JsonResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "review", header = "Write the review page: one HTML file to decide a schema change from.",
        description = {
        "Write one self-contained HTML file (it loads nothing; open it from disk or as a CI artifact): a verdict",
        "(safe / needs attention / destructive) with its reasons, the schema before and after as a diagram with the",
        "changed tables, columns and foreign keys marked, and every migration's SQL with what each step does and",
        "lint's findings at their lines.",
        "Without --from/--to or --schema: the pending migrations, against the database (--db, DATABASE_URL or",
        "liteshift.toml; only read), with lint's real counts; without a database, every migration from an empty schema.",
        "--rehearse also rehearses them on a copy of the database and shows each one's time and sizes.",
        "--from A --to B: the plan between any two schemas, each a database, a .sql file (or a directory of them)",
        "or a migrations directory. --schema FILE (or --schema-class): the plan push would run on the database.",
        "Exit code 0 when the page is written (whatever its verdict); nothing is written on failure."})
final class ReviewCommand extends ProjectCommand {
    @Option(names = "--out", paramLabel = "FILE", description = "where the page is written (default: review.html)")
    Path out = Path.of("review.html");

    @Option(names = "--from", paramLabel = "A", description = "the schema before: a database, a .sql file or directory, or a migrations directory")
    String from;

    @Option(names = "--to", paramLabel = "B", description = "the schema after, as --from")
    String to;

    @Option(names = "--rehearse", description = "rehearse the pending migrations on a copy of the database and show their times and sizes")
    boolean rehearse;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path wd = ProjectOptions.workingDir();
        ProjectConfig c = project.resolve();
        // --schema (or --schema-class) names the declared schema: its push plan is what is reviewed
        boolean pushPlan = project.schema != null || project.javaSchema.schemaClass != null;
        ReviewOptions options = new ReviewOptions(wd.resolve(out).normalize(), rehearse, side(from, wd), side(to, wd), pushPlan);
        ReviewResult r = Setup.declaredSchema(c.configure(), c).load().review(options);
        if (json.on) return Json.print(spec, 0, JsonResults.reviewed(r));
        out().println("wrote " + r.file());
        out().println(r.verdictLine());
        out().flush();
        return 0;
    }

    private static SchemaSource side(String spec, Path wd) {
        return spec == null ? null : SchemaSource.parse(DatabaseSpec.resolveAgainst(spec, wd));
    }
}
