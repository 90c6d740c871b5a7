package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", header = "Walk the schema-change runbook end to end on a throwaway database, in a few seconds.",
        description = {
        "Walk the schema-change runbook end to end on a throwaway database in a",
        "temporary directory, with a bundled schema. Version 1: generate, migrate,",
        "seed. Version 2 (a rebuild of a table that ON DELETE CASCADE children",
        "reference, and a NOT NULL column backfilled from existing data): generate,",
        "lint, edit, hash, rehearse, back up, migrate, verify. Then a schema rollback",
        "with `revert` and a data rollback with `restore`.",
        "Each step prints its runbook section, time and output; the rows (count and",
        "values per table), integrity_check and foreign_key_check are checked.",
        "Exit code 0 when every check holds; otherwise the failing step is named and",
        "the directory is kept. Reads no liteshift.toml and no DATABASE_URL: it never",
        "touches your database."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "keep the demo directory and print its path and commands to look at it (default: deleted)")
    boolean keep;

    @Option(names = "--dir", paramLabel = "DIR", description = "make the demo project in DIR (new or empty; kept) instead of a temporary directory")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = directory();
        boolean kept = keep || dir != null;
        out.println("liteshift demo: the schema-change runbook, step by step, on a throwaway database in " + root);
        out.println("(every step is checked; the numbers are the runbook's sections)");
        out.println();
        Demo demo = new Demo(root, out);
        long t0 = System.nanoTime();
        try {
            demo.run();
        } catch (DemoFailure f) {
            out.flush();
            err.println("liteshift demo: FAILED at " + f.step + ": " + f.getMessage());
            err.println("liteshift demo: the demo directory is kept for inspection: " + root);
            return f.exitCode;
        }
        out.println();
        out.printf("Done: %d steps in %.1f s, every check passed.%n", demo.steps(), (System.nanoTime() - t0) / 1e9);
        if (kept) {
            out.println("The demo project is kept in " + root + ". To look at it (liteshift.toml there points at data/app.db):");
            out.println("  cd " + root);
            out.println("  liteshift status             # the journal: 0001, 0002, 0003 applied");
            out.println("  liteshift verify");
            out.println("  liteshift backups            # the backup taken before version 2");
            out.println("  liteshift lint --from 2      # the findings of the edited migration and of the revert");
            out.println("  sqlite3 data/app.db 'SELECT count(*) FROM comments'");
            out.println("(liteshift is ./liteshift at the root of its repository, or java -jar liteshift.jar)");
        } else {
            delete(root);
        }
        return 0;
    }

    /** --dir (which must be new or empty: the demo never mixes its files with others), else a new temporary directory. */
    private Path directory() throws IOException {
        if (dir == null) return Files.createTempDirectory("liteshift-demo-");
        Path d = ProjectOptions.workingDir().resolve(dir).normalize();
        if (Files.exists(d)) {
            boolean empty;
            try (Stream<Path> entries = Files.isDirectory(d) ? Files.list(d) : null) {
                empty = entries != null && entries.findAny().isEmpty();
            }
            if (!empty) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "--dir " + d
                        + " exists and is not an empty directory; the demo writes its own project there. Give a new or empty directory.");
            }
        }
        return Files.createDirectories(d);
    }

    private static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
