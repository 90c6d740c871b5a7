package io.liteshift.plan;

import io.liteshift.LiteShiftException;
import io.liteshift.diff.Change;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.hints.RenameRecords;
import io.liteshift.schema.Schema;
import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one way from two schemas to a plan: compared once, unusable hints refused, swaps recorded for the next plan. */
class PipelineTest {

    private static final String SWAP = "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  y TEXT, -- @renamed from=x\n  x TEXT -- @renamed from=y\n);";

    @Test
    void aSwapIsRecordedInThePlanAndTheSameHintsPlannedAgainChangeNothing() throws SQLException {
        DeclaredSchema declared = DeclaredSchema.ofSql(SWAP);
        try (MemoryDb db = MemoryDb.with("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT); INSERT INTO t VALUES (1, 'ex', 'why');")) {
            Plan plan = Pipeline.plan(Inspector.inspect(db.connection()), declared.schema(), declared.hints());
            List<Step> recording = plan.steps().stream().filter(s -> s.sql().contains(RenameRecords.TABLE)).toList();
            assertThat(recording).extracting(Step::comment)
                    .containsExactly("remember the swapped names, so that pushing the same hints again changes nothing", "");
            assertThat(recording.get(1).sql()).startsWith("INSERT INTO liteshift_renames (kind, table_name, old_name, new_name) VALUES")
                    .contains("('column', 't', 'x', 'y')", "('column', 't', 'y', 'x')");
            PlanScript.run(db, plan.toSql());
            assertThat(db.rows("SELECT y, x FROM t")).containsExactly(List.of("ex", "why"));

            Schema now = Inspector.inspect(db.connection());
            Plan again = Pipeline.plan(now, declared.schema(), RenameRecords.withoutApplied(db.connection(), declared.hints()));
            assertThat(again.isEmpty()).as("planned again:\n%s", again.toSql()).isTrue();
        }
    }

    @Test
    void thePlannerOnItsOwnRecordsNoSwap() throws SQLException {
        DeclaredSchema declared = DeclaredSchema.ofSql(SWAP);
        try (MemoryDb db = MemoryDb.with("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);")) {
            Schema current = Inspector.inspect(db.connection());
            Plan plan = Planner.plan(current, declared.schema(), Differ.diff(current, declared.schema(), declared.hints()));
            assertThat(plan.steps()).extracting(Step::sql).noneMatch(sql -> sql.contains(RenameRecords.TABLE))
                    .anyMatch(sql -> sql.contains("RENAME COLUMN"));
        }
    }

    @Test
    void aDeclaredHintThatCannotBeUsedIsRefusedAndOneFromHistoryIsPassedOver() {
        Schema current = DeclaredSchema.ofSql("CREATE TABLE t (id INTEGER PRIMARY KEY);").schema();
        DeclaredSchema declared = DeclaredSchema.ofSql("-- @renamed from=gone\nCREATE TABLE u (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY);");
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class,
                () -> Pipeline.plan(current, declared.schema(), declared.hints()));
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("(SQL text):1: the rename hint '-- @renamed from=gone' was taken as a rename of table u")
                .endsWith("Nothing was changed.");

        Plan back = Pipeline.plan(current, declared.schema(), declared.hints(), Pipeline.Hints.HISTORY);
        assertThat(back.changes()).singleElement().isInstanceOf(Change.CreateTable.class);
    }
}
