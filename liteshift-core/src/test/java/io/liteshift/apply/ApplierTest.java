package io.liteshift.apply;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;
import io.liteshift.plan.Step;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.Databases;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplierTest {

    private static final String BEFORE = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);
            INSERT INTO users VALUES (1, 'ada'), (2, 'bob');
            INSERT INTO posts VALUES (1, 1, 'p1'), (2, 1, 'p2'), (3, 2, 'p3')""";

    @TempDir
    Path dir;

    @Test
    void aFailingStepRollsBackEverythingAndRestoresForeignKeys() throws Exception {
        Path db = TestDb.exec(dir.resolve("a.db"), BEFORE);
        String before = TestDb.dump(db);
        Schema declared = DeclaredSchema.ofSql("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);").schema();
        try (Connection c = Databases.open(db, false, false)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
            }
            Plan good = plan(c, declared);
            List<Step> steps = new ArrayList<>(good.steps());
            steps.add(steps.size() - 1, new Step("a step that cannot work", "INSERT INTO no_such_table VALUES (1)"));
            Plan broken = new Plan(good.changes(), steps, good.mappings());

            assertThatThrownBy(() -> Applier.apply(c, broken, declared))
                    .isInstanceOf(LiteShiftException.class)
                    .hasMessageContaining("step " + (steps.size() - 1) + " of " + steps.size())
                    .hasMessageContaining("no such table: no_such_table")
                    .hasMessageContaining("rolled back")
                    .extracting(e -> ((LiteShiftException) e).reason()).isEqualTo(LiteShiftException.Reason.FAILED);
            assertThat(pragma(c, "foreign_keys")).isEqualTo(1);
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(TestDb.dump(db)).isEqualTo(before);
    }

    @Test
    void rebuildingAParentKeepsEveryCascadeChild() throws Exception {
        Path db = TestDb.exec(dir.resolve("b.db"), BEFORE);
        Schema declared = DeclaredSchema.ofSql("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);").schema();
        try (Connection c = Databases.open(db, false, false)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON"); // as an application would have it
            }
            Plan plan = plan(c, declared);
            assertThat(plan.rebuilds()).hasSize(1);
            Applier.apply(c, plan, declared);
            assertThat(pragma(c, "foreign_keys")).isEqualTo(1);
            assertThat(Differ.diff(Inspector.inspect(c), declared)).isEmpty();
        }
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM posts")).isEqualTo(3);
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM pragma_foreign_key_check")).isZero();
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")).isZero();
    }

    @Test
    void aPlanThatLeavesOrphansIsRolledBackWithTheirNumber() throws Exception {
        Path db = TestDb.exec(dir.resolve("c.db"), BEFORE);
        String before = TestDb.dump(db);
        Schema declared = DeclaredSchema.ofSql("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);").schema();
        try (Connection c = Databases.open(db, false, false)) {
            Plan plan = new Plan(List.of(new Change.CreateTable(declared.table("users").orElseThrow())),
                    List.of(new Step("delete a parent behind the children's back", "DELETE FROM users WHERE id = 1")), List.of());
            assertThatThrownBy(() -> Applier.apply(c, plan, declared))
                    .isInstanceOf(LiteShiftException.class)
                    .hasMessageContaining("2 row(s) of posts reference no row of users")
                    .extracting(e -> ((LiteShiftException) e).reason()).isEqualTo(LiteShiftException.Reason.REFUSED_DATA);
        }
        assertThat(TestDb.dump(db)).isEqualTo(before);
    }

    @Test
    void aPlanThatDoesNotReachTheDeclaredSchemaIsNeverCommitted() throws Exception {
        Path db = TestDb.exec(dir.resolve("d.db"), BEFORE);
        String before = TestDb.dump(db);
        Schema declared = DeclaredSchema.ofSql("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);").schema();
        try (Connection c = Databases.open(db, false, false)) {
            Plan wrong = new Plan(List.of(), List.of(new Step("adds the wrong column", "ALTER TABLE users ADD COLUMN mail TEXT")), List.of());
            assertThatThrownBy(() -> Applier.apply(c, wrong, declared))
                    .isInstanceOf(LiteShiftException.class)
                    .hasMessageContaining("still differs from the declared schema");
        }
        assertThat(TestDb.dump(db)).isEqualTo(before);
    }

    private static Plan plan(Connection c, Schema declared) throws Exception {
        Schema current = Inspector.inspect(c);
        return Planner.plan(current, declared, Differ.diff(current, declared));
    }

    private static int pragma(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
