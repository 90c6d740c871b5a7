package io.liteshift.review;

import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict's rule: destroyed data first, then errors and warnings, else safe; with a reason for each. */
class VerdictTest {

    @Test
    void drops_and_findings_that_destroy_data_make_the_shop_destructive() {
        Verdict v = ReviewPage.verdict(Fixtures.shop());
        assertThat(v.level()).isEqualTo(Verdict.Level.DESTRUCTIVE);
        assertThat(v.reasons()).containsExactly(
                "Drops table audit_log, with every row in it.",
                "Drops column orders.legacy_code, with its values.",
                "3 findings destroy data: 0003_shipments.sql:2 [drop-column], 0003_shipments.sql:12 [drop-table],"
                        + " 0003_shipments.sql:15 [delete-without-where].",
                "1 error: migrate refuses until it is fixed (0003_shipments.sql:8 [not-null]).",
                "4 warnings to read before deploying (0002_customers_full_name.sql:8 [rolling-rename], 0003_shipments.sql:2"
                        + " [drop-column], 0003_shipments.sql:12 [drop-table] and 1 more).",
                "Rebuilds table customers (every row is copied under the write lock; the longest estimated lock is 1.4 s,"
                        + " 0003_shipments.sql:11 [index-big-table]).");
    }

    @Test
    void added_tables_with_only_notes_are_safe() {
        Verdict v = ReviewPage.verdict(Fixtures.safe());
        assertThat(v).isEqualTo(new Verdict(Verdict.Level.SAFE, List.of("Nothing is dropped, and no finding is an error or a warning.")));
    }

    @Test
    void a_warning_without_drops_needs_attention_and_an_error_too() {
        ReviewInput safe = Fixtures.safe();
        Migration m = safe.migrations().get(0);
        for (Finding.Severity severity : List.of(Finding.Severity.WARNING, Finding.Severity.ERROR)) {
            Finding f = new Finding("rolling-drop", severity, 2, "tags", "an old version reads it", "", Counts.NONE, false);
            Migration warned = new Migration(m.fileName(), m.sql(), m.steps(), List.of(f), null);
            ReviewInput in = new ReviewInput(safe.title(), "", safe.before(), safe.after(), List.of(), List.of(warned));
            Verdict v = ReviewPage.verdict(in);
            assertThat(v.level()).as(severity.name()).isEqualTo(Verdict.Level.NEEDS_ATTENTION);
            assertThat(v.reasons()).hasSize(1).allMatch(r -> r.contains("0002_tags.sql:2 [rolling-drop]"));
        }
    }

    @Test
    void destructive_steps_count_each_step_once_and_a_finding_outside_every_step_as_one() {
        String sql = "DELETE FROM a;\nDELETE FROM b;\nDELETE FROM c;\n";
        Finding one = destroying(1);
        Finding two = destroying(2);
        Finding outside = destroying(3);
        Migration m = new Migration("0002_x.sql", sql, List.of(new Step(1, 2, "delete a and b", List.of())), List.of(one, two, outside), null);
        ReviewInput in = new ReviewInput("t", "", Schema.EMPTY, Schema.EMPTY, List.of(), List.of(m));
        Overview o = Overview.of(in);
        assertThat(o.destructiveSteps()).isEqualTo(2);
        assertThat(o.verdict().level()).isEqualTo(Verdict.Level.DESTRUCTIVE);
    }

    @Test
    void a_drop_counted_empty_on_the_database_destroys_nothing_and_one_with_rows_does() {
        String before = "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);\nCREATE TABLE log (id INTEGER PRIMARY KEY);\n";
        String sql = "DROP TABLE log;\nALTER TABLE a DROP COLUMN x;\n";
        Verdict empty = verdictOf(before, sql, 0);
        assertThat(empty).isEqualTo(new Verdict(Verdict.Level.SAFE, List.of(
                "Nothing is dropped, and no finding is an error or a warning.",
                "Drops table log, which holds no rows (counted on the database).",
                "Drops column a.x, which holds no value (counted on the database).")));

        Verdict full = verdictOf(before, sql, 3);
        assertThat(full.level()).isEqualTo(Verdict.Level.DESTRUCTIVE);
        assertThat(full.reasons()).startsWith("Drops table log, with every row in it.", "Drops column a.x, with its values.");
    }

    /** The two drops of {@code sql}, each with a finding that counted {@code rows} rows (or values) in what it drops. */
    private static Verdict verdictOf(String before, String sql, long rows) {
        Finding.Severity severity = rows == 0 ? Finding.Severity.INFO : Finding.Severity.WARNING;
        Counts counted = new Counts(rows, List.of(), null, null);
        Migration m = new Migration("0002_drops.sql", sql, List.of(), List.of(
                new Finding("drop-table", severity, 1, "log", "drops table log", "", counted, rows > 0),
                new Finding("drop-column", severity, 2, "a.x", "drops column a.x", "", counted, rows > 0)), null);
        return ReviewPage.verdict(new ReviewInput("t", "", Schemas.declared(before), Schemas.afterRunning(before, sql), List.of(), List.of(m)));
    }

    @Test
    void the_longest_lock_is_the_longest_estimate_of_any_finding() {
        Overview o = Overview.of(Fixtures.shop());
        assertThat(o.longestLock().anchor()).isEqualTo("m2-f3");
        assertThat(o.longestLock().finding().counts().estimatedLock()).isEqualTo(Duration.ofMillis(1400));
    }

    private static Finding destroying(int line) {
        return new Finding("delete-without-where", Finding.Severity.WARNING, line, "", "deletes every row", "", Counts.NONE, true);
    }
}
