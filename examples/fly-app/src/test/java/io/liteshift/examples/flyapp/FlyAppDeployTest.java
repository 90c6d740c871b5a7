package io.liteshift.examples.flyapp;

import io.liteshift.LiteShift;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two deploys of the example, as on Fly.io but with local processes: entrypoint.sh runs for real (the image's
 * ENTRYPOINT), the application is a real JVM serving HTTP, the database a real file. Version 1 ships only migration
 * 0001; version 2 adds 0002, which rebuilds {@code notes} (a new CHECK) while {@code note_tags} references it with
 * ON DELETE CASCADE. Run as root (as in the container), the data directory starts owned by root, like a new volume,
 * and the application runs as uid 1234 through setpriv.
 */
class FlyAppDeployTest {
    private static final int APP_UID = 1234;
    private static final Path ENTRYPOINT = Path.of("entrypoint.sh").toAbsolutePath();

    /** The application jar, made once: it copies the class path (tens of MB). */
    @TempDir
    static Path shared;
    static Path jar;

    @TempDir
    Path tmp;
    Path data;
    Path db;
    boolean root;

    @BeforeAll
    static void buildJar() throws Exception {
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = AppProcess.jar(shared);
    }

    @BeforeEach
    void setUp() throws Exception {
        root = owner(tmp) == 0; // a directory this process just made belongs to its effective uid
        if (root) assumeTrue(Stream.of("/usr/bin/setpriv", "/bin/setpriv").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "entrypoint.sh drops root with setpriv (util-linux), which is not installed");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        data = Files.createDirectories(tmp.resolve("data")); // owned by this test's user, as a new volume is by root
        db = data.resolve("sqlite.db");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @Test
    void version1ThenVersion2ThroughTheEntrypointKeepsEveryRowTakesABackupAndPassesTheHealthCheck() throws Exception {
        Path v1 = TestMigrations.firstVersionOnly(tmp.resolve("migrations-v1"));
        readableByAll(v1);

        Map<String, String> env = entrypointEnv();
        env.put("MIGRATIONS", v1.toString());
        try (AppProcess app = AppProcess.start(List.of(ENTRYPOINT.toString()), env, tmp.resolve("v1.log"))) {
            if (root) assertThat(app.uid()).as("the server's uid").isEqualTo(APP_UID);
            assertThat(created(app.post("/notes", "title=Groceries&body=milk%2C+eggs&tags=home,errands"))).isEqualTo(1);
            assertThat(created(app.post("/notes", "title=Fly.io+volume&body=created+in+ams&tags=ops"))).isEqualTo(2);
            assertThat(created(app.post("/notes", "title=Ideas"))).isEqualTo(3);
            HttpResponse<String> notes = app.get("/notes");
            assertThat(notes.statusCode()).isEqualTo(200);
            assertThat(notes.body()).contains("\"title\":\"Groceries\",\"body\":\"milk, eggs\"", "\"tags\":[\"errands\",\"home\"]")
                    .doesNotContain("pinned");
            HttpResponse<String> health = app.get("/health");
            assertThat(health.statusCode()).as("version 1 has no pinned column: the health check says so").isEqualTo(503);
            assertThat(health.body()).contains("\"ok\":false", "pinned");
        }
        String v1Log = Files.readString(tmp.resolve("v1.log"));
        assertThat(v1Log).contains("entrypoint: migrating file:" + db, "applied 0001_notes.sql", "is at schema version 1");
        List<String> notesBefore = Sqlite.rows(db, "SELECT id, title, body, created_at FROM notes ORDER BY id");
        List<String> tagsBefore = Sqlite.rows(db, "SELECT note_id, tag FROM note_tags ORDER BY 1, 2");
        assertThat(notesBefore).hasSize(3);
        assertThat(tagsBefore).containsExactly("1|errands", "1|home", "2|ops");
        assertThat(Sqlite.value(db, "SELECT max(version) FROM liteshift_migrations")).isEqualTo("1");
        assertThat(Sqlite.columns(db, "notes")).containsExactly("id", "title", "body", "created_at");
        assertThat(backups()).as("first boot: no database existed, so nothing to back up").isEmpty();
        if (root) {
            assertThat(owner(data)).as("entrypoint.sh gave the volume to the application's user").isEqualTo(APP_UID);
            assertThat(owner(db)).as("the application, as uid 1234, created and wrote the database").isEqualTo(APP_UID);
        }

        Map<String, String> env2 = entrypointEnv(); // version 2: the migrations packaged in the jar, 0001 and 0002
        try (AppProcess app = AppProcess.start(List.of(ENTRYPOINT.toString()), env2, tmp.resolve("v2.log"))) {
            HttpResponse<String> notes = app.get("/notes");
            assertThat(notes.body()).contains("\"title\":\"Groceries\",\"body\":\"milk, eggs\"", "\"pinned\":0,\"tags\":[\"errands\",\"home\"]");
            assertThat(app.post("/notes/2/pin", "").statusCode()).isEqualTo(200);
            assertThat(app.post("/notes/99/pin", "").statusCode()).isEqualTo(404);
            HttpResponse<String> tooLong = app.post("/notes", "title=" + "x".repeat(201));
            assertThat(tooLong.statusCode()).as("the CHECK that 0002 added holds").isEqualTo(400);
            assertThat(tooLong.body()).contains("CHECK constraint failed");
            HttpResponse<String> health = app.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"ok\":true,\"schema_version\":2,\"notes\":3,\"pinned\":1}\n");
        }
        assertThat(Files.readString(tmp.resolve("v2.log"))).contains("backed up " + db, "applied 0002_pinned_notes.sql",
                "is at schema version 2");

        assertThat(Sqlite.rows(db, "SELECT id, title, body, created_at FROM notes ORDER BY id")).isEqualTo(notesBefore);
        assertThat(Sqlite.rows(db, "SELECT note_id, tag FROM note_tags ORDER BY 1, 2")).as("no CASCADE fired in the rebuild")
                .isEqualTo(tagsBefore);
        assertThat(Sqlite.rows(db, "SELECT pinned FROM notes ORDER BY id")).containsExactly("0", "1", "0");
        assertThat(Sqlite.value(db, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(Sqlite.rows(db, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(LiteShift.configure().database(db.toString()).migrations(TestMigrations.packaged()).load().verify())
                .as("nothing pending, no drift, history intact").isEmpty();

        List<Path> backups = backups();
        assertThat(backups).hasSize(1);
        Path backup = backups.get(0);
        assertThat(backup.getFileName().toString()).endsWith("-v0001.sqlite");
        assertThat(Sqlite.rows(backup, "SELECT id, title, body, created_at FROM notes ORDER BY id")).isEqualTo(notesBefore);
        assertThat(Sqlite.rows(backup, "SELECT note_id, tag FROM note_tags ORDER BY 1, 2")).isEqualTo(tagsBefore);
        assertThat(Sqlite.columns(backup, "notes")).as("the backup is the database as it was before 0002").doesNotContain("pinned");
        assertThat(Sqlite.value(backup, "PRAGMA integrity_check")).isEqualTo("ok");
        if (root) assertThat(owner(backup)).isEqualTo(APP_UID);
    }

    @Test
    void aMigrationTheRowsCannotTakeStopsTheBootBeforeServingAndChangesNothing() throws Exception {
        LiteShift.configure().database(db.toString()).migrations(TestMigrations.firstVersionOnly(tmp.resolve("v1")))
                .createMissing(true).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement st = c.prepareStatement("INSERT INTO notes (title) VALUES (?)")) {
            st.setString(1, "a title longer than the 200 characters version 2 allows: " + "x".repeat(200));
            st.executeUpdate();
        }
        byte[] before = Files.readAllBytes(db);

        Path log = tmp.resolve("refused.log");
        int exit = AppProcess.run(List.of(ENTRYPOINT.toString()), entrypointEnv(), log);

        String out = Files.readString(log);
        assertThat(exit).as(out).isEqualTo(1);
        assertThat(out).contains("cannot migrate:", "0002_pinned_notes.sql", "length(title) BETWEEN 1 AND 200) fails for 1 of 1 row (id 1)", "Nothing was changed")
                .doesNotContain("serving");
        assertThat(Files.readAllBytes(db)).as("the database is as it was").isEqualTo(before);
        assertThat(Sqlite.value(db, "SELECT max(version) FROM liteshift_migrations")).isEqualTo("1");
    }

    @Test
    void withoutTheEntrypointTheJarMigratesOnBootAndRefusesADatabaseUrlThatNamesTheWrongFile() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", "file:" + db, "PORT", "0"));
        try (AppProcess app = AppProcess.start(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString()), env,
                tmp.resolve("serve.log"))) {
            assertThat(app.get("/health").body()).isEqualTo("{\"ok\":true,\"schema_version\":2,\"notes\":0,\"pinned\":0}\n");
        }
        assertThat(Files.readString(tmp.resolve("serve.log"))).contains("applied 0001_notes.sql", "applied 0002_pinned_notes.sql");

        Path typo = data.resolve("sqlite3.db");
        env.put("DATABASE_URL", "file:" + typo);
        Path log = tmp.resolve("typo.log");
        int exit = AppProcess.run(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "migrate"), env, log);
        String out = Files.readString(log);
        assertThat(exit).as(out).isEqualTo(1);
        assertThat(out).contains("cannot migrate: the database " + typo + " does not exist, but " + data + " holds sqlite.db",
                "Fix DATABASE_URL", "CREATE_DATABASE=true");
        assertThat(typo).doesNotExist();
    }

    @Test
    void serveWithoutMigratingRefusesAMissingDatabaseInsteadOfCreatingAnEmptyOne() throws Exception {
        Map<String, String> env = entrypointEnv();
        Path log = tmp.resolve("serve-only.log");
        int exit = AppProcess.run(List.of(ENTRYPOINT.toString(), "serve"), env, log); // a LiteFS replica's step

        String out = Files.readString(log);
        assertThat(exit).as(out).isEqualTo(1);
        assertThat(out).contains("cannot serve: the database " + db + " does not exist. Migrate first").doesNotContain("serving");
        assertThat(db).doesNotExist();
    }

    private Map<String, String> entrypointEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", data.toString());
        env.put("APP_JAR", jar.toString());
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -Djava.io.tmpdir=" + tmp.resolve("work"));
        env.put("PORT", "0");
        if (root) env.put("APP_USER", String.valueOf(APP_UID));
        return env;
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Long.parseLong(response.body().replaceAll("\\D", ""));
    }

    private List<Path> backups() throws Exception {
        Path dir = data.resolve("backups");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sqlite")).sorted().collect(Collectors.toList());
        }
    }

    private static int owner(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    private static void readableByAll(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) p.toFile().setExecutable(true, false);
            });
        }
    }
}
