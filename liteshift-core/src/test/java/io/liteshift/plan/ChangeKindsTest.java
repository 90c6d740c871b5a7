package io.liteshift.plan;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind of change and alteration the differ can make has a place in the planner's one dispatch: each kind below
 * is planned, and the plan, run on a database with rows, reaches the declared schema. A kind added to {@link Change}
 * or {@link Alteration} fails the coverage check here until a case makes it, and then the planner says it has no step
 * for it (instead of leaving it out of the plan) until the dispatch handles it.
 */
class ChangeKindsTest {

    private record Case(String before, String after) {
    }

    private static final List<Case> CASES = List.of(
            new Case("CREATE TABLE gone (id INTEGER PRIMARY KEY); INSERT INTO gone VALUES (1);"
                    + " CREATE VIRTUAL TABLE old_text USING fts5(body); INSERT INTO old_text VALUES ('x');",
                    "CREATE TABLE fresh (id INTEGER PRIMARY KEY); CREATE VIRTUAL TABLE new_text USING fts5(body);"),
            new Case("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b');"
                    + " CREATE INDEX t_x ON t (x); CREATE VIEW v AS SELECT x FROM t;"
                    + " CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; END;",
                    "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); CREATE INDEX t_id_x ON t (id, x);"
                    + " CREATE VIEW w AS SELECT id FROM t; CREATE TRIGGER h AFTER DELETE ON t BEGIN SELECT 1; END;"),
            new Case("CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT); INSERT INTO a VALUES (1, 'one');",
                    "-- @renamed from=a\nCREATE TABLE b (\n  id INTEGER PRIMARY KEY,\n  y TEXT, -- @renamed from=x\n  z TEXT\n);"),
            new Case("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT); INSERT INTO t VALUES (1, '7', NULL, 'c');",
                    "CREATE TABLE t (id INTEGER PRIMARY KEY, a INT, b TEXT NOT NULL DEFAULT '');"),
            new Case("CREATE TABLE p (id INTEGER PRIMARY KEY); INSERT INTO p VALUES (1);"
                    + " CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b INT CHECK (b > 0), p INT REFERENCES p (id));"
                    + " INSERT INTO t VALUES (1, 'a', 2, 1);",
                    "CREATE TABLE p (id INTEGER PRIMARY KEY);"
                    + " CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INT, p INT, UNIQUE (b), CHECK (b >= 0),"
                    + " FOREIGN KEY (p) REFERENCES p (id) ON DELETE CASCADE);"),
            new Case("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL); INSERT INTO t VALUES (1, 'k1'), (2, 'k2');",
                    "CREATE TABLE t (id INTEGER NOT NULL, k TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;"));

    /** A virtual table keeps its rows in shadow tables: a changed one is refused, never rebuilt. */
    private static final Case CHANGED_VIRTUAL_TABLE = new Case("CREATE VIRTUAL TABLE f USING fts5(a);",
            "CREATE VIRTUAL TABLE f USING fts5(a, b);");

    @Test
    void everyKindIsPlannedAndThePlanReachesTheDeclaredSchema() throws SQLException {
        Set<Class<?>> changes = new HashSet<>();
        Set<Class<?>> alterations = new HashSet<>();
        for (Case c : CASES) {
            DeclaredSchema declared = DeclaredSchema.ofSql(c.after());
            try (MemoryDb db = MemoryDb.with(c.before())) {
                Schema current = Inspector.inspect(db.connection());
                List<Change> diff = Differ.diff(current, declared.schema(), declared.hints());
                collect(diff, changes, alterations);
                PlanScript.run(db, Planner.plan(current, declared.schema(), diff).toSql());
                assertThat(Differ.diff(Inspector.inspect(db.connection()), declared.schema())).as("left to do after:\n%s", c.after())
                        .isEmpty();
                assertThat(db.column("PRAGMA integrity_check")).containsExactly("ok");
                assertThat(db.rows("PRAGMA foreign_key_check")).isEmpty();
            }
        }
        try (MemoryDb db = MemoryDb.with(CHANGED_VIRTUAL_TABLE.before())) {
            Schema current = Inspector.inspect(db.connection());
            Schema declared = DeclaredSchema.ofSql(CHANGED_VIRTUAL_TABLE.after()).schema();
            List<Change> diff = Differ.diff(current, declared);
            collect(diff, changes, alterations);
            assertThatThrownBy(() -> Planner.plan(current, declared, diff)).isInstanceOf(LiteShiftException.class)
                    .hasMessageContaining("never rebuilds a virtual table");
        }
        assertThat(changes).as("kinds of Change the cases make").containsExactlyInAnyOrder(Change.class.getPermittedSubclasses());
        assertThat(alterations).as("kinds of Alteration the cases make")
                .containsExactlyInAnyOrder(Alteration.class.getPermittedSubclasses());
    }

    @Test
    void aKindThePlannerDoesNotKnowIsSaidByNameAsABug() {
        LiteShiftException e = Planner.unplanned(new Alteration.RenameTable("a", "b"), "rename table a to b");
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
        assertThat(e.getMessage()).startsWith("the planner has no step for a change of kind Alteration.RenameTable (rename table a to b).")
                .contains("This is a liteshift bug; nothing was changed.");
    }

    private static void collect(List<Change> diff, Set<Class<?>> changes, Set<Class<?>> alterations) {
        for (Change c : diff) {
            changes.add(c.getClass());
            if (c instanceof Change.AlterTable a) a.alterations().forEach(x -> alterations.add(x.getClass()));
        }
        assertThat(diff).as("changes").isNotEmpty();
        assertThat(Arrays.asList(Change.class.getPermittedSubclasses())).containsAll(changes);
    }
}
