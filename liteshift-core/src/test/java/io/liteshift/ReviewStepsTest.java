package io.liteshift;

import io.liteshift.review.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a migration's statements do, in words, and their lines, as the review page's steps show them. */
class ReviewStepsTest {

    private static List<String> described(String sql) {
        return ReviewSteps.of(sql, null).stream().map(Step::description).toList();
    }

    @Test
    void eachStatementSaysWhatItDoesToWhichNames() {
        assertThat(described("""
                CREATE TABLE IF NOT EXISTS "Order Items" (id INTEGER PRIMARY KEY);
                CREATE UNIQUE INDEX IF NOT EXISTS items_by_id ON "Order Items" (id);
                CREATE VIRTUAL TABLE notes_fts USING fts5(body);
                CREATE VIEW totals AS SELECT 1;
                ALTER TABLE main.orders ADD COLUMN note TEXT;
                ALTER TABLE orders DROP note;
                ALTER TABLE orders RENAME COLUMN total TO total_cents;
                ALTER TABLE orders RENAME TO purchases;
                UPDATE purchases SET note = '';
                UPDATE OR IGNORE purchases SET note = 'x' WHERE id = 1;
                DELETE FROM purchases WHERE id > 10;
                INSERT OR REPLACE INTO settings VALUES ('a', 'b');
                DROP INDEX IF EXISTS items_by_id;
                VACUUM;
                """)).containsExactly(
                "create table Order Items",
                "create unique index items_by_id on Order Items",
                "create virtual table notes_fts",
                "create view totals",
                "add column orders.note",
                "drop column orders.note",
                "rename column orders.total to total_cents",
                "rename table orders to purchases",
                "update every row of purchases",
                "update rows of purchases",
                "delete rows of purchases",
                "insert rows into settings",
                "drop index items_by_id",
                "run VACUUM");
    }

    @Test
    void aTriggerWithItsBodyIsOneStepOverItsLines() {
        List<Step> steps = ReviewSteps.of("""
                CREATE TRIGGER stamp AFTER UPDATE ON orders
                BEGIN
                  UPDATE orders SET changed = 1 WHERE id = new.id;
                END;
                """, null);
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.description()).isEqualTo("create trigger stamp");
            assertThat(s.firstLine()).isEqualTo(1);
            assertThat(s.lastLine()).isEqualTo(4);
        });
    }

    @Test
    void aRebuildIsOneStepOnlyWhenTheOldTableIsDroppedBeforeTheNewOneTakesItsName() {
        List<Step> rebuild = ReviewSteps.of("""
                CREATE TABLE t_new (id INTEGER PRIMARY KEY, v TEXT NOT NULL);
                INSERT INTO t_new SELECT id, coalesce(v, '') FROM t;
                DROP TABLE t;
                ALTER TABLE t_new RENAME TO t;
                CREATE INDEX t_by_v ON t (v);
                """, null);
        assertThat(rebuild).extracting(Step::description).containsExactly(
                "rebuild t: the migration copies it into a new table and swaps the names", "create index t_by_v on t");
        assertThat(rebuild.get(0).firstLine()).isEqualTo(1);
        assertThat(rebuild.get(0).lastLine()).isEqualTo(4);
        assertThat(rebuild.get(0).rebuilds()).extracting(Step.Rebuild::table).containsExactly("t");

        // renamed without dropping anything first: a new table under a new name, not a rebuild
        assertThat(described("CREATE TABLE a (id INTEGER);\nALTER TABLE a RENAME TO b;\n"))
                .containsExactly("create table a", "rename table a to b");
    }

    @Test
    void aFileThatDoesNotSplitHasNoSteps() {
        assertThat(ReviewSteps.of("CREATE TABLE t (id INTEGER PRIMARY KEY);\nCREATE TABLE 'unterminated (x);\n", null)).isEmpty();
    }
}
