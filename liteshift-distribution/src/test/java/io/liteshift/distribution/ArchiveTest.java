package io.liteshift.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download as a user gets it: the .tar.gz unpacked with tar into an empty directory, far from the source tree, and
 * its bin/liteshift run as real processes through a project's first steps. The .zip holds the same files.
 */
class ArchiveTest {
    private static final String VERSION = System.getProperty("liteshift.version");
    private static final String TOP = "liteshift-" + VERSION + "/";

    @TempDir
    Path tmp;

    private record Run(int exit, String out) {
    }

    private Run run(Path workingDir, Path cache, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().remove("DATABASE_URL");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theUnpackedArchiveRunsInitGenerateAndMigrate() throws Exception {
        Path tar = Path.of(System.getProperty("liteshift.archive.tar"));
        Path unpacked = Files.createDirectories(tmp.resolve("opt"));
        assertThat(run(unpacked, tmp, "tar", "xzf", tar.toString()).exit()).isZero();
        Path home = unpacked.resolve(TOP);
        Path bin = home.resolve("bin/liteshift");
        assertThat(bin).isExecutable();
        assertThat(home.resolve("lib/liteshift.jar")).isRegularFile();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License", "Version 2.0");
        assertThat(home.resolve("README.md")).content().contains("# liteshift");

        Path project = Files.createDirectories(tmp.resolve("project"));
        Path cache = tmp.resolve("cache");
        Run version = run(project, cache, bin.toString(), "--version");
        assertThat(version.out()).as(version.out()).contains("liteshift " + VERSION);
        Run init = run(project, cache, bin.toString(), "init");
        assertThat(init.exit()).as(init.out()).isZero();
        Files.writeString(project.resolve("schema.sql"), """
                CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE, title TEXT);
                CREATE INDEX books_by_author ON books (author_id);
                """);
        Run generate = run(project, cache, bin.toString(), "generate", "--name", "library");
        assertThat(generate.exit()).as(generate.out()).isZero();
        assertThat(project.resolve("migrations/0001_library.sql")).isRegularFile();
        Run migrate = run(project, cache, bin.toString(), "migrate", "--db", "library.db", "--create");
        assertThat(migrate.exit()).as(migrate.out()).isZero();
        assertThat(migrate.out()).contains("applied 0001_library", "Database at 0001");
        // a second run uses the class-data archive and the native library the first one left in the user's cache
        Run status = run(project, cache, bin.toString(), "status", "--db", "library.db");
        assertThat(status.exit()).as(status.out()).isZero();
        assertThat(status.out()).contains("Up to date at 0001");
        try (var files = Files.walk(cache)) {
            List<String> cached = files.map(f -> f.getFileName().toString()).toList();
            assertThat(cached).contains("liteshift.jsa").anyMatch(n -> n.startsWith("libsqlitejdbc"));
        }

        Path db = project.resolve("library.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))
                    .containsExactly("authors", "books", "liteshift_migrations");
            assertThat(strings(s, "SELECT version || ' ' || name || ' ' || kind FROM liteshift_migrations")).containsExactly("1 library migrate");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("INSERT INTO authors VALUES (1, 'Le Guin')");
            s.execute("INSERT INTO books VALUES (1, 1, 'The Dispossessed')");
            assertThat(strings(s, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(strings(s, "PRAGMA foreign_key_check")).isEmpty();
        }
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarball() throws Exception {
        Path unpacked = Files.createDirectories(tmp.resolve("t"));
        assertThat(run(unpacked, tmp, "tar", "xzf", System.getProperty("liteshift.archive.tar")).exit()).isZero();
        List<String> fromTar;
        try (var files = Files.walk(unpacked)) {
            fromTar = files.filter(Files::isRegularFile).map(f -> unpacked.relativize(f).toString()).sorted().toList();
        }
        List<String> fromZip = new ArrayList<>();
        try (ZipFile zip = new ZipFile(System.getProperty("liteshift.archive.zip"))) {
            zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).sorted().forEach(fromZip::add);
            assertThat(new String(zip.getInputStream(zip.getEntry(TOP + "bin/liteshift")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(unpacked.resolve(TOP + "bin/liteshift")))
                    .contains("liteshift-" + VERSION).doesNotContain("@project.version@");
        }
        assertThat(fromZip).isEqualTo(fromTar).containsExactly(TOP + "LICENSE", TOP + "README.md", TOP + "bin/liteshift", TOP + "lib/liteshift.jar");
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
