package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PulledSchema;
import io.liteshift.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    @Override
    public Integer call() {
        PulledSchema pulled = LiteShift.pull(project.requireDatabase());
        if (!pulled.leftOut().isEmpty()) {
            err().println("liteshift: note: left out " + String.join(", ", pulled.leftOut())
                    + " (another tool's bookkeeping; it stays in the database and liteshift ignores it).");
        }
        if (outFile == null) {
            out().print(pulled.sql());
            out().flush();
            return 0;
        }
        Path target = ProjectOptions.workingDir().resolve(outFile).normalize();
        write(target, pulled.sql());
        Schema s = pulled.schema();
        out().printf("Wrote %s: %d table(s), %d index(es), %d view(s), %d trigger(s), %d virtual table(s) of %s.%n", outFile,
                s.tables().size(), s.indexes().size(), s.views().size(), s.triggers().size(), s.virtualTables().size(),
                project.requireDatabase());
        return 0;
    }

    /** All of the text or nothing: written beside the target under a temporary name, then moved into place. */
    private void write(Path target, String text) {
        if (Files.isDirectory(target)) throw refused(target + " is a directory. Give --out a file name (e.g. schema.sql).");
        if (Files.exists(target) && !force) throw exists(target);
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) throw refused("the directory " + parent + " does not exist. Create it first.");
        Path tmp = parent.resolve("." + target.getFileName() + ".liteshift-" + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (force) Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            else Files.move(tmp, target);
        } catch (FileAlreadyExistsException e) {
            throw exists(target); // it appeared meanwhile
        } catch (IOException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot write " + target + ": " + e + ". Nothing was written.", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // moved into place, or never written
            }
        }
    }

    private static LiteShiftException exists(Path target) {
        return refused(target + " exists, and pull never overwrites a file unless told to. Pass --force to replace it, or"
                + " choose another --out.");
    }

    private static LiteShiftException refused(String why) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, why + " Nothing was written.");
    }
}
