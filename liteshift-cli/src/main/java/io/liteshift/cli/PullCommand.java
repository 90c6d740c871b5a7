package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PulledSchema;
import io.liteshift.report.JsonResults;
import io.liteshift.report.ReportFile;
import io.liteshift.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "pull", description = {
        "Write the declared schema of a live database: tables, indexes, views, triggers and virtual tables as canonical SQL,",
        "in dependency order, with liteshift's and other tools' bookkeeping tables (drizzle-kit, Flyway, Litestream) left out,",
        "so that push and generate start from the database as it is. Reads only; the database is never created.",
        "Prints to standard output, or writes --out FILE, which is never overwritten without --force."})
final class PullCommand extends ProjectCommand {
    @Option(names = "--out", paramLabel = "FILE", description = "write the schema to FILE instead of standard output (e.g. schema.sql)")
    Path outFile;

    @Option(names = "--force", description = "with --out: replace FILE if it exists")
    boolean force;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PulledSchema pulled = LiteShift.pull(project.requireDatabase());
        if (!pulled.leftOut().isEmpty()) {
            err().println("liteshift: note: left out " + String.join(", ", pulled.leftOut())
                    + " (another tool's bookkeeping; it stays in the database and liteshift ignores it).");
        }
        if (json.on && outFile == null) return Json.print(spec, 0, JsonResults.pulled(project.requireDatabase(), pulled, null));
        if (outFile == null) {
            out().print(pulled.sql());
            out().flush();
            return 0;
        }
        Path target = ProjectOptions.workingDir().resolve(outFile).normalize();
        write(target, pulled.sql());
        if (json.on) return Json.print(spec, 0, JsonResults.pulled(project.requireDatabase(), pulled, target));
        Schema s = pulled.schema();
        out().printf("Wrote %s: %d table(s), %d index(es), %d view(s), %d trigger(s), %d virtual table(s) of %s.%n", outFile,
                s.tables().size(), s.indexes().size(), s.views().size(), s.triggers().size(), s.virtualTables().size(),
                project.requireDatabase());
        return 0;
    }

    private void write(Path target, String text) {
        ReportFile.write(target, text, "--out", "schema.sql", force ? null : () -> exists(target));
    }

    private static LiteShiftException exists(Path target) {
        return ReportFile.refused(target + " exists, and pull never overwrites a file unless told to. Pass --force to replace it, or"
                + " choose another --out.");
    }
}
