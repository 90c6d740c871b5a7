package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations whose rebuilds run online, through the boot API (LiteShift.migrate): the {@code -- liteshift:online}
 * marker and {@code online(true/false)}, what may be written by hand in such a file, and what is refused, each refusal
 * before anything runs. The rebuild while another process writes is the command line's process tests'.
 */
class OnlineMigrationTest {
    static final String V1 = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, plan TEXT);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body TEXT);
            """;
    /** plan becomes NOT NULL DEFAULT 'free': a rebuild of the parent of a cascading child. */
    static final String V2 = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, plan TEXT NOT NULL DEFAULT 'free');
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body TEXT);
            CREATE INDEX posts_by_user ON posts (user_id);
            """;

    @TempDir
    Path tmp;
    Project p;
    List<String> progress = new ArrayList<>();

    @BeforeEach
    void aWalDatabaseAtVersionOne() {
        p = new Project(tmp);
        p.generate(V1, "init");
        p.sql("PRAGMA journal_mode = WAL");
        p.liteshift().migrate();
        p.sql("""
                INSERT INTO users VALUES (1, 'a@x', 'pro'), (2, 'b@x', NULL), (3, NULL, NULL);
                INSERT INTO posts VALUES (10, 1, 'x'), (11, 2, 'y'), (12, 3, 'z');
                """);
    }

    private LiteShift online(Boolean mode) {
        var c = LiteShift.configure().database(p.db.toString()).migrations(p.migrations).schema(p.schema).lintBeforeMigrate(false)
                .progress(progress::add);
        if (mode != null) c.online(mode);
        return c.load();
    }

    private Path generateOnline() {
        p.declare(V2);
        return online(null).generate("plan_default", true).file().orElseThrow();
    }

    private void assertMigratedKeepingEveryRow() {
        assertThat(p.rows("SELECT id, plan FROM users ORDER BY id")).containsExactly(List.of(1, "pro"), List.of(2, "free"), List.of(3, "free"));
        assertThat(p.count("SELECT count(*) FROM posts")).as("no cascade fired").isEqualTo(3);
        assertThat(p.rows("PRAGMA integrity_check")).containsExactly(List.of("ok"));
        assertThat(p.rows("PRAGMA foreign_key_check")).isEmpty();
        assertThat(p.rows("SELECT name FROM sqlite_schema WHERE name LIKE '\\_liteshift%' ESCAPE '\\'")).as("nothing left of the rebuild").isEmpty();
        assertThat(online(null).verify()).isEmpty();
    }

    @Test
    void aMarkedMigrationRunsOnlineWithItsTrailingInsertInTheLastTransaction() throws Exception {
        Path file = generateOnline();
        String text = Files.readString(file);
        // a seed row written by hand after the planned steps: it runs with the journal row, after the swap
        Files.writeString(file, text.replace("PRAGMA foreign_key_check;", "INSERT INTO users (id, email) VALUES (4, 'seeded@x');\nPRAGMA foreign_key_check;"));
        online(null).hash();

        MigrateResult r = online(null).migrate();

        assertThat(r.applied()).extracting(AppliedMigration::label).containsExactly("0002");
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("users: copy ")).anySatisfy(line -> assertThat(line).startsWith("users: done "));
        assertThat(p.rows("SELECT email, plan FROM users WHERE id = 4")).as("the new DEFAULT applies to it").containsExactly(List.of("seeded@x", "free"));
        p.sql("DELETE FROM users WHERE id = 4");
        assertMigratedKeepingEveryRow();
        assertThat(p.rows("SELECT name FROM sqlite_schema WHERE name = 'posts_by_user'")).hasSize(1);
    }

    @Test
    void onlineTrueRunsAnUnmarkedMigrationOnlineAndOnlineFalseAMarkedOneInOneTransaction() {
        p.generate(V2, "plan_default");
        online(true).migrate();
        assertThat(progress).as("rebuilt online, as asked").anySatisfy(line -> assertThat(line).startsWith("users: cut-over "));
        assertMigratedKeepingEveryRow();

        OnlineMigrationTest other = new OnlineMigrationTest();
        other.tmp = tmp.resolve("other");
        other.aWalDatabaseAtVersionOne();
        other.generateOnline();
        other.online(false).migrate();
        assertThat(other.progress).as("the marker is overruled: one transaction").noneSatisfy(line -> assertThat(line).contains("copy"));
        other.assertMigratedKeepingEveryRow();
    }

    @Test
    void aSchemaChangeOfItsOwnThatIsNotThePlannedStepIsRefusedAtItsLine() throws Exception {
        Path file = generateOnline();
        // an index written by hand after the plan is part of the change, and liteshift plans it as CREATE INDEX (the
        // swap creates it): spelled otherwise, it is not the step liteshift plans there
        String text = Files.readString(file).replace("PRAGMA foreign_key_check;",
                "CREATE INDEX IF NOT EXISTS users_by_email ON users (email);\nPRAGMA foreign_key_check;");
        Files.writeString(file, text);
        online(null).hash();
        int line = text.substring(0, text.indexOf("CREATE INDEX IF NOT EXISTS")).split("\n", -1).length;
        byte[] before = p.dbBytes();

        assertThatThrownBy(() -> online(null).migrate()).isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("0002_plan_default.sql:" + line + ": this statement is not the step liteshift plans here")
                .hasMessageContaining("online(false)")
                .hasMessageContaining("Nothing was applied.");
        assertThat(p.dbBytes()).isEqualTo(before);
    }

    @Test
    void aMarkerBelowTheFirstStatementIsRefusedAtItsLine() throws Exception {
        p.declare(V2);
        Path file = online(null).generate("plan_default").file().orElseThrow();
        Files.writeString(file, Files.readString(file) + "-- liteshift:online\n");
        online(null).hash();
        int line = Files.readString(file).split("\n", -1).length - 1;

        assertThatThrownBy(() -> online(null).migrate()).isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("0002_plan_default.sql:" + line + ": the line `-- liteshift:online` belongs in the migration's header");
        assertThat(p.rows("SELECT version FROM liteshift_migrations")).containsExactly(List.of(1));
    }

    @Test
    void aDriftedDatabaseIsRefusedRatherThanChangedOnline() {
        generateOnline();
        p.sql("CREATE TABLE scratch (id INTEGER PRIMARY KEY)"); // made by hand: the plan to the snapshot would drop it
        p.sql("INSERT INTO scratch VALUES (1)");

        assertThatThrownBy(() -> online(null).migrate()).isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("is not the one this migration starts from")
                .hasMessageContaining("drop table scratch");
        assertThat(p.count("SELECT count(*) FROM scratch")).isEqualTo(1);
        assertThat(p.rows("SELECT version FROM liteshift_migrations")).containsExactly(List.of(1));
    }
}
