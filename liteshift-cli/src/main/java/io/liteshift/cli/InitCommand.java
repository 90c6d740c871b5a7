package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import io.liteshift.config.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "init", description = {
        "Start a project: write liteshift.toml, an example schema.sql and an empty migrations directory.",
        "Never overwrites a file: if any of them exists, nothing is written."})
final class InitCommand implements Callable<Integer> {

    static final String EXAMPLE_SCHEMA = """
            -- The declared schema: every table, index, view and trigger the database should have.
            -- Edit it, then run `liteshift generate` to write a migration (or `liteshift push` to apply it directly).
            -- To rename a column or a table and keep its data, add a hint: see "Renames" in liteshift's README.

            -- The people who use the application.
            CREATE TABLE users (
              id         INTEGER PRIMARY KEY,
              email      TEXT NOT NULL UNIQUE,
              name       TEXT NOT NULL,
              created_at TEXT NOT NULL DEFAULT (datetime('now'))
            );

            -- Each post belongs to a user; deleting the user deletes their posts.
            CREATE TABLE posts (
              id      INTEGER PRIMARY KEY,
              user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              title   TEXT NOT NULL,
              body    TEXT NOT NULL DEFAULT ''
            );

            -- Finds a user's posts without reading the whole table.
            CREATE INDEX posts_by_user ON posts(user_id);
            """;

    @Option(names = "--path", paramLabel = "DIR", description = "the project directory to write into (default: the current directory)")
    Path path;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "migrations",
            description = "the migrations directory, relative to the project directory (default: ${DEFAULT-VALUE})")
    String dir;

    @Mixin
    CommonOptions common;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path target = ProjectOptions.workingDir().resolve(path == null ? Path.of("") : path).normalize();
        Path migrations = target.resolve(dir).normalize();
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(target.resolve(ProjectConfig.FILE_NAME), starter());
        files.put(target.resolve("schema.sql"), EXAMPLE_SCHEMA);
        files.put(migrations.resolve(".gitkeep"), "");

        // Check everything before writing anything, so that a refusal leaves the directory as it was.
        List<Path> existing = new ArrayList<>(files.keySet().stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList());
        if (Files.exists(migrations, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(migrations)) existing.add(migrations);
        if (!existing.isEmpty()) {
            List<String> names = existing.stream().map(p -> target.relativize(p).toString()).toList();
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, String.join(", ", names) + " already "
                    + (names.size() == 1 ? "exists" : "exist") + " in " + target + ", and init never overwrites a file:"
                    + " nothing was written. Move " + (names.size() == 1 ? "it" : "them") + " away, or pass --path DIR to start the project elsewhere.");
        }
        Files.createDirectories(migrations);
        files.forEach((file, text) -> {
            try {
                Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        if (json.on) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("directory", target.toString());
            body.put("written", files.keySet().stream().map(Path::toString).toList());
            return Json.print(spec, 0, body);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote a new liteshift project in " + target + ":");
        out.printf("  %-22s the project settings%n", ProjectConfig.FILE_NAME);
        out.printf("  %-22s an example schema: declare your tables here%n", "schema.sql");
        out.printf("  %-22s the migrations directory, empty for now%n", target.relativize(migrations.resolve(".gitkeep")));
        out.println();
        out.println("Next steps:");
        out.println("  1. Declare your tables in schema.sql.");
        out.println("  2. liteshift generate   writes the first migration from schema.sql into " + target.relativize(migrations));
        out.println("  3. liteshift migrate    applies it: pass --db, set DATABASE_URL, or set database in liteshift.toml");
        return 0;
    }

    /** The starter settings, naming the chosen migrations directory. */
    private String starter() {
        String quoted = "\"" + dir.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return ProjectConfig.starter().replace("migrations = \"migrations\"", "migrations = " + quoted);
    }
}
