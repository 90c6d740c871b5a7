package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database with tables but no liteshift history: migrate says so, names baseline at the migration whose snapshot
 * its schema equals, and changes nothing; other tools' bookkeeping tables are not the user's tables.
 */
class NeverMigratedTest {
    private static final String V1 = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);";
    private static final String V2 = V1 + " CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), body TEXT);";
    private static final String V3 = V2 + " CREATE INDEX posts_by_user ON posts (user_id);";

    @TempDir
    Path tmp;
    Project p;

    @BeforeEach
    void threeMigrations() {
        p = new Project(tmp);
        p.generate(V1, "users");
        p.generate(V2, "posts");
        p.generate(V3, "posts_by_user");
        p.sql("CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC);\n"
                + "CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER);");
    }

    @Test
    void aDatabaseMadeBeforeLiteshiftIsRefusedNamingTheBaselineItMatches() throws Exception {
        p.sql(V2.replace("; ", ";\n") + "\nINSERT INTO users VALUES (1, 'ada@example.org');");
        byte[] before = p.dbBytes();

        assertThatThrownBy(() -> p.liteshift().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
            assertThat(e.message(Fix.FrontEnd.COMMAND_LINE))
                    .startsWith("refused migrating " + p.db + ": it has 2 table(s) (users, posts) but no liteshift history (no"
                            + " liteshift_migrations table): liteshift has never migrated it, and 0001_users.sql would run on tables"
                            + " that already exist.")
                    .contains("Its schema equals " + p.migrations + "/meta/0002.schema.sql, the schema after 0002_posts.sql")
                    .contains("adopt it with `liteshift baseline --version 2`")
                    .endsWith("Nothing was changed.")
                    .doesNotContain("already exists in").doesNotContain("Fix the migration");
            assertThat(e.getMessage()).contains("`LiteShift#baseline(2)`");
        });
        assertThat(p.dbBytes()).isEqualTo(before);

        p.liteshift().baseline(2);
        assertThat(p.liteshift().migrate().applied()).extracting(AppliedMigration::version).containsExactly(3);
        assertThat(p.count("SELECT count(*) FROM users")).isOne();
        assertThat(p.liteshift().verify()).isEmpty();
    }

    @Test
    void whenNoSnapshotMatchesItSaysSoAndHowToSeeTheDifference() {
        p.sql("CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY, total INTEGER);");
        byte[] before = p.dbBytes();

        assertThatThrownBy(() -> p.liteshift().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e ->
                assertThat(e.message(Fix.FrontEnd.COMMAND_LINE)).contains("it has 1 table(s) (legacy_orders) but no liteshift history")
                        .contains("No snapshot in " + p.migrations + "/meta matches its schema")
                        .contains("`liteshift diff --from " + p.db + " --to " + p.migrations + "/meta/0003.schema.sql`")
                        .contains("`liteshift baseline --version N`"));
        assertThat(p.dbBytes()).isEqualTo(before);
    }

    @Test
    void otherToolsBookkeepingTablesAloneAreNoReasonToRefuse() {
        assertThat(UserTables.isUsers("__drizzle_migrations")).isFalse();
        assertThat(UserTables.isUsers("flyway_schema_history")).isFalse();
        assertThat(UserTables.isUsers("users")).isTrue();

        assertThat(p.liteshift().migrate().applied()).hasSize(3);
        assertThat(p.count("SELECT count(*) FROM sqlite_schema WHERE name = 'posts_by_user'")).isOne();
    }
}
