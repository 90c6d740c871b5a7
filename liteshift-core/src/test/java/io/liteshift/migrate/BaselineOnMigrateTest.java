package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;
import io.liteshift.SchemaSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * baselineOnMigrate on a database made before liteshift, next to other tools' history tables: adopted at the one
 * migration whose schema it has, then migrated; refused, byte-identical, when no migration or several match.
 */
class BaselineOnMigrateTest {
    private static final String V1 = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);";
    private static final String V2 = V1 + "\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body TEXT);";
    private static final String V3 = V2 + "\nCREATE INDEX posts_by_user ON posts (user_id);";

    @TempDir
    Path tmp;
    Project p;

    @BeforeEach
    void threeMigrations() {
        p = new Project(tmp);
        p.generate(V1, "users");
        p.generate(V2, "posts");
        p.generate(V3, "posts_index");
    }

    /** A database another tool made at V2, with rows and that tool's bookkeeping beside them. */
    private void madeElsewhereAtV2() {
        p.sql("""
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
                CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body TEXT);
                CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), success BOOLEAN NOT NULL);
                CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success);
                CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric);
                CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER);
                INSERT INTO users VALUES (1, 'ada@example.com'), (2, 'bob@example.com');
                INSERT INTO posts VALUES (10, 1, 'hello'), (11, 2, 'hi'), (12, 1, 'again');
                INSERT INTO flyway_schema_history VALUES (1, '1', 1), (2, '2', 1);
                INSERT INTO "__drizzle_migrations" VALUES (1, 'abc', 1700000000000);
                """);
    }

    private LiteShift adopting() {
        return LiteShift.configure().database(p.db.toString()).migrations(p.migrations).baselineOnMigrate(true).load();
    }

    @Test
    void aDatabaseAtV2IsBaselinedThereAndTheRestIsApplied() {
        madeElsewhereAtV2();
        List<List<Object>> flywayBefore = p.rows("SELECT * FROM flyway_schema_history ORDER BY installed_rank");

        MigrateResult r = adopting().migrate(); // lint first, as by default

        assertThat(r.applied()).extracting(AppliedMigration::version).containsExactly(3);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("baselined " + p.db + " at 0002 (baselineOnMigrate)") && n.contains("2 migration(s)"));
        assertThat(p.rows("SELECT version, kind FROM liteshift_migrations ORDER BY version"))
                .containsExactly(List.of(1, "baseline"), List.of(2, "baseline"), List.of(3, "migrate"));
        assertThat(p.rows("SELECT id, user_id, body FROM posts ORDER BY id"))
                .containsExactly(List.of(10, 1, "hello"), List.of(11, 2, "hi"), List.of(12, 1, "again"));
        assertThat(p.count("SELECT count(*) FROM sqlite_schema WHERE name = 'posts_by_user'")).isEqualTo(1);
        // the other tools' tables are kept as they were, and never count as drift
        assertThat(p.rows("SELECT * FROM flyway_schema_history ORDER BY installed_rank")).isEqualTo(flywayBefore);
        assertThat(p.count("SELECT count(*) FROM \"__drizzle_migrations\"")).isEqualTo(1);
        assertThat(p.rows("PRAGMA integrity_check")).containsExactly(List.of("ok"));
        assertThat(p.rows("PRAGMA foreign_key_check")).isEmpty();
        assertThat(adopting().verify()).isEmpty();
        assertThat(adopting().status().upToDate()).isTrue();
        assertThat(adopting().migrate().upToDate()).isTrue();
    }

    @Test
    void aDatabaseAtTheNewestMigrationIsOnlyBaselined() {
        madeElsewhereAtV2();
        p.sql("CREATE INDEX posts_by_user ON posts (user_id);");

        MigrateResult r = adopting().migrate();

        assertThat(r.applied()).isEmpty();
        assertThat(r.version()).isEqualTo(3);
        assertThat(r.notes()).anyMatch(n -> n.contains("at 0003 (baselineOnMigrate)"));
        assertThat(p.rows("SELECT kind, count(*) FROM liteshift_migrations GROUP BY kind")).containsExactly(List.of("baseline", 3));
    }

    @Test
    void aSchemaNoMigrationProducesIsRefusedNamingTheClosestAndChangesNothing() throws Exception {
        madeElsewhereAtV2();
        p.sql("ALTER TABLE posts ADD COLUMN title TEXT;");
        byte[] before = p.dbBytes();

        assertThatThrownBy(() -> adopting().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
            assertThat(e.getMessage()).contains("has tables but no liteshift history", "no migration in", "Closest is 0002",
                    "title", "liteshift pull", "Nothing was changed.");
        });
        assertThat(p.dbBytes()).isEqualTo(before);
        assertThat(sideFiles()).isEmpty();
    }

    @Test
    void aSchemaSeveralMigrationsProduceIsRefusedNamingThem() {
        p.migration("0004_seed.sql", "INSERT INTO users (email) VALUES ('admin@example.com');\n");
        p.liteshift().hash();
        madeElsewhereAtV2();
        p.sql("CREATE INDEX posts_by_user ON posts (user_id);");
        byte[] before = p.dbBytes();

        assertThatThrownBy(() -> adopting().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
            assertThat(e.getMessage()).contains("0003, 0004 all produce that schema", "liteshift baseline --version N", "Nothing was changed.");
        });
        assertThat(p.dbBytes()).isEqualTo(before);
    }

    @Test
    void aLintRefusalAfterTheMatchLeavesNoBaselineBehind() {
        madeElsewhereAtV2();
        p.sql("INSERT INTO posts VALUES (13, 1, NULL);");
        // 0003 now makes body NOT NULL without a DEFAULT: lint counts the NULL and refuses before anything is written
        p.migration("0003_posts_index.sql", "ALTER TABLE posts ALTER COLUMN body SET NOT NULL;\n");
        p.liteshift().hash();
        byte[] before = p.dbBytes();

        assertThatThrownBy(() -> adopting().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e ->
                assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_DATA));
        assertThat(p.dbBytes()).isEqualTo(before);
        assertThat(p.count("SELECT count(*) FROM sqlite_schema WHERE name = 'liteshift_migrations'")).isZero();
    }

    @Test
    void aDatabaseWithOnlyAnotherToolsTableHasNothingToAdoptAndIsMigratedAsUsual() {
        p.sql("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY);");
        // only another tool's table: nothing to adopt, every migration runs
        assertThat(adopting().migrate().applied()).extracting(AppliedMigration::version).containsExactly(1, 2, 3);
        assertThat(p.count("SELECT count(*) FROM liteshift_migrations WHERE kind = 'baseline'")).isZero();
    }

    @Test
    void baselineAcceptsADatabaseWithOtherToolsTablesAndPushNeverDropsThem() throws Exception {
        madeElsewhereAtV2();
        assertThat(p.liteshift().baseline(2)).hasSize(2);
        p.liteshift().migrate();

        Files.writeString(p.schema, V3);
        assertThat(LiteShift.push(p.db.toString(), p.schema, PushOptions.defaults()).plan().isEmpty()).isTrue();
        assertThat(LiteShift.diff(SchemaSource.parse(p.db.toString()), SchemaSource.parse(p.schema.toString())).isEmpty()).isTrue();
        assertThat(p.count("SELECT count(*) FROM sqlite_schema WHERE name IN ('flyway_schema_history', '__drizzle_migrations', '_litestream_seq')"))
                .isEqualTo(3);
    }

    private List<Path> sideFiles() throws Exception {
        try (var files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("app.db-")).toList();
        }
    }
}
