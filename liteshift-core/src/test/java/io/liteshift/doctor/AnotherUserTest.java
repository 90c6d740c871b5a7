package io.liteshift.doctor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real thing: doctor in a JVM running as uid 1234 (no such user, no groups) through {@code setpriv}, where
 * {@link java.nio.file.Files#isWritable} asks the kernel. Needs root and setpriv; skipped otherwise. The class path
 * is copied where that user can read it.
 */
class AnotherUserTest {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @TempDir
    Path tmp;

    @Test
    void rootOwnedDatabaseIsReadOnlyForTheApplicationUser() throws Exception {
        Fixture f = rootsProject();
        f.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY)"); // made by root: owned by root, rw-r--r--
        String classPath = classPathForTheApplicationUser(f);
        Path work = workDirectory();

        Child asApp = run(classPath, work, f.db);
        assertThat(asApp.exit).as(asApp.out).isEqualTo(6);
        assertThat(asApp.out).contains("ERROR DB_NOT_WRITABLE " + f.db + " is owned by root (uid 0, gid 0), mode rw-r--r--; it is not"
                + " writable by uid 1234.", "ERROR DIR_NOT_WRITABLE the directory " + f.db.getParent());
        assertThat(asApp.out).as("a user without a name is named by its uid, which chown takes").doesNotContain("by ?");

        for (Path p : List.of(f.db.getParent(), f.db)) {
            Files.setAttribute(p, "unix:uid", 1234);
            Files.setAttribute(p, "unix:gid", 1234);
        }
        Child fixed = run(classPath, work, f.db);
        assertThat(fixed.exit).as(fixed.out).isZero();
        assertThat(fixed.out).doesNotContain("NOT_WRITABLE").contains("INFO SQLITE_VERSION");
    }

    /**
     * push and migrate as that user on a database root made: each fails with SQLite's "attempt to write a readonly
     * database" and says, as doctor would, who owns the file and the directory, and the chown that fixes it.
     */
    @Test
    void aWriteThatTheApplicationUserMayNotMakeIsExplainedAsDoctorWould() throws Exception {
        Fixture f = rootsProject();
        f.generate("CREATE TABLE notes (id INTEGER PRIMARY KEY);\n", "notes").migrate();
        f.generate("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n", "body");
        byte[] before = Files.readAllBytes(f.db);
        String classPath = classPathForTheApplicationUser(f);
        try (Stream<Path> all = Stream.concat(Stream.of(f.schema), Files.walk(f.migrations))) {
            all.forEach(p -> p.toFile().setReadable(true, false)); // the user reads them, never writes them
        }

        Child asApp = run(classPath, workDirectory(), WriteMain.class, f.db.toString(), f.migrations.toString(), f.schema.toString());
        String owned = f.db + " is owned by root (uid 0, gid 0), mode rw-r--r--; it is not writable by uid 1234.";
        String fix = "Fix: Give the application's user the directory and its files: `chown -R 1234 " + f.db.getParent() + "`";
        assertThat(asApp.out).as(asApp.out).containsPattern("PUSH step 1 of 1 failed \\(add column notes.body\\): attempt to write a readonly"
                        + " database\n(.*\n)*MIGRATE .*0002_body.sql:\\d+: SQLite rejected this statement: attempt to write a readonly database")
                .contains("The migration itself may be fine", "doctor (DB_NOT_WRITABLE): " + owned + "\ndoctor (DIR_NOT_WRITABLE): the directory "
                        + f.db.getParent() + " is owned by root (uid 0, gid 0), mode rwxr-xr-x; it is not writable by uid 1234.\n" + fix)
                .doesNotContain("Fix the migration");
        assertThat(asApp.out.split(Pattern.quote(fix), -1)).as("push and migrate explain it, each fix said once").hasSize(3);
        assertThat(Files.readAllBytes(f.db)).isEqualTo(before);
    }

    private record Child(int exit, String out) {
    }

    /** A project in the test directory, readable by everyone; skips the test unless it runs as root with setpriv. */
    private Fixture rootsProject() throws IOException {
        Integer me = Access.uidOf(Path.of("/proc/self"));
        assumeTrue(me != null && me == 0 && Files.isExecutable(SETPRIV), "needs root and setpriv");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Fixture(tmp);
    }

    /** The database's directory as root leaves it (rwxr-xr-x), and a class path uid 1234 can read. */
    private String classPathForTheApplicationUser(Fixture f) throws IOException {
        Files.setPosixFilePermissions(f.db.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        return copyClassPath(tmp.resolve("cp"));
    }

    /** Where the child JVM of uid 1234 keeps its output and temporary files. */
    private Path workDirectory() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        return work;
    }

    private static Child run(String classPath, Path work, Path db) throws Exception {
        return run(classPath, work, DoctorMain.class, db.toString());
    }

    private static Child run(String classPath, Path work, Class<?> main, String... args) throws Exception {
        Path out = work.resolve("out.txt");
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=1234", "--regid=1234", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.io.tmpdir=" + work, "-Duser.home=" + work, "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("doctor as uid 1234 did not finish in 60 s:\n" + Files.readString(out));
        }
        return new Child(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** The test class path's directories and the driver jars, copied into a directory every user can read. */
    private static String copyClassPath(Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path src = Path.of(entry);
            String name = src.getFileName().toString();
            boolean wanted = Files.isDirectory(src) || name.startsWith("sqlite-jdbc") || name.startsWith("slf4j");
            if (!wanted || !Files.exists(src)) continue;
            Path dst = into.resolve(i++ + "-" + name);
            copy(src, dst);
            entries.add(dst.toString());
        }
        try (Stream<Path> all = Files.walk(into)) {
            all.forEach(p -> p.toFile().setReadable(true, false));
        }
        try (Stream<Path> dirs = Files.walk(into)) {
            dirs.filter(Files::isDirectory).forEach(p -> p.toFile().setExecutable(true, false));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Path src, Path dst) throws IOException {
        if (!Files.isDirectory(src)) {
            Files.createDirectories(dst.getParent());
            Files.copy(src, dst);
            return;
        }
        try (Stream<Path> files = Files.walk(src)) {
            files.forEach(p -> {
                try {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
