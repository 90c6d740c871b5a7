package io.liteshift.plan;

import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The new table of a rebuild, created under a temporary name, must mean what the declared one means. */
class RebuildsTest {

    @Test
    void ownTableQualifiersFollowTheTemporaryNameAndNothingElseDoes() {
        String sql = Rebuilds.renameCreateTable("""
                CREATE TABLE IF NOT EXISTS main."Users" (id INTEGER PRIMARY KEY, age INT CHECK ("users"."age" > 21),
                  p INT REFERENCES users (id), note TEXT DEFAULT 'users.age', CHECK (main.users.age < 200) -- users.age
                )""", "\"_liteshift_new_Users\"");
        assertThat(sql).isEqualTo("""
                CREATE TABLE IF NOT EXISTS "_liteshift_new_Users" (id INTEGER PRIMARY KEY, age INT CHECK ("_liteshift_new_Users"."age" > 21),
                  p INT REFERENCES users (id), note TEXT DEFAULT 'users.age', CHECK (main."_liteshift_new_Users".age < 200) -- users.age
                )""");
    }

    /** A table called main: {@code main.a} is the table, {@code main.main.a} the schema and then the table. */
    @Test
    void aTableNamedLikeItsSchema() {
        assertThat(Rebuilds.renameCreateTable("CREATE TABLE main (a CHECK (main.a > 0), b CHECK (main.main.b > 0))", "tmp"))
                .isEqualTo("CREATE TABLE tmp (a CHECK (tmp.a > 0), b CHECK (main.tmp.b > 0))");
    }

    /** SQLite accepts the temporary table, and its RENAME (legacy_alter_table off) brings the qualifiers back. */
    @Test
    void sqliteAcceptsItAndTheRenameRestoresTheName() throws SQLException {
        String created = Rebuilds.renameCreateTable("CREATE TABLE users (age INT CHECK (users.age > 21), CHECK (main.users.age < 200))",
                "\"_liteshift_new_users\"");
        try (MemoryDb db = MemoryDb.with(created + ";\nALTER TABLE \"_liteshift_new_users\" RENAME TO users;\nINSERT INTO users VALUES (30);")) {
            assertThat(db.column("SELECT sql FROM sqlite_schema WHERE name = 'users'").get(0))
                    .doesNotContain("_liteshift_new_").contains("\"users\".age > 21", "main.\"users\".age < 200");
            assertThat(db.column("SELECT count(*) FROM users")).containsExactly("1");
        }
    }

    /**
     * SQLite stores an index or a view with the comment that ended its line; the plan's script (diff's output, a
     * generated migration) must not let that comment swallow the semicolon after it.
     */
    @Test
    void aStatementStoredWithATrailingCommentKeepsItsSemicolonInTheScript() throws SQLException {
        Schema live;
        try (MemoryDb db = MemoryDb.open()) {
            db.execute("CREATE TABLE t (a INT)");
            db.execute("CREATE INDEX t_a ON t (a) -- by a");
            db.execute("CREATE VIEW v AS SELECT a FROM t -- every a");
            live = Inspector.inspect(db.connection());
        }
        Plan plan = Planner.plan(Schema.EMPTY, live,
                Differ.diff(Schema.EMPTY, live));
        try (MemoryDb fresh = MemoryDb.with(plan.body())) {
            assertThat(fresh.column("SELECT name FROM sqlite_schema ORDER BY name")).containsExactly("t", "t_a", "v");
        }
    }
}
