package io.liteshift.sql;

import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A DEFAULT re-used as an expression gives what SQLite stores for it; SQLite itself is the oracle. */
class DefaultsTest {

    /**
     * The value an INSERT of the default stores, and the value of {@link Defaults#asExpression} over the text
     * PRAGMA table_info reports, are the same, storage class included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hello", "\"dq\"", "`bq`", "[br]", "key", "rowid", "true", "FALSE", "NULL", "-1", "+1.5", "- 2",
            "x'00ff'", "X''", "'it''s'", "'a\"b'", "(1 + 2)", "('a' || 'b')", "/* c */ 7", "(1 -- one\n)", "-0x10", "0x10", "1e3",
            "+'abc'", "-'5'", "(-1)", "(NULL)", "(+ 'x')", "9223372036854775807", "-9223372036854775808"})
    void a_default_as_an_expression_is_the_value_sqlite_stores(String spelling) throws SQLException {
        try (MemoryDb db = MemoryDb.with("CREATE TABLE t (id INTEGER PRIMARY KEY, x DEFAULT " + spelling + ");\nINSERT INTO t (id) VALUES (1);")) {
            String stored = db.column("SELECT typeof(x) || ' ' || quote(x) FROM t").get(0);
            String reported = db.column("SELECT dflt_value FROM pragma_table_info('t') WHERE name = 'x'").get(0);
            String expression = Defaults.asExpression(SqlText.inline(reported));
            assertThat(db.column("SELECT typeof(" + expression + ") || ' ' || quote(" + expression + ")").get(0))
                    .as("DEFAULT %s, reported as %s, used as %s", spelling, reported, expression).isEqualTo(stored);
        }
    }

    @Test
    void current_time_and_date_stay_expressions() {
        assertThat(Defaults.asExpression("CURRENT_TIMESTAMP")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(Defaults.asExpression("current_date")).isEqualTo("current_date");
        assertThat(Defaults.asExpression(null)).isNull();
    }

    @Test
    void defaults_compare_by_the_value_sqlite_stores() {
        assertThat(Defaults.canonical("hello")).isEqualTo(Defaults.canonical("'hello'")).isEqualTo(Defaults.canonical("\"hello\""))
                .isEqualTo(Defaults.canonical("('hello')")).isEqualTo(Defaults.canonical("[hello]"));
        assertThat(Defaults.canonical("TRUE")).isEqualTo(Defaults.canonical("1"));
        assertThat(Defaults.canonical("false")).isEqualTo(Defaults.canonical("0"));
        assertThat(Defaults.canonical("+1.5")).isEqualTo(Defaults.canonical("1.5"));
        assertThat(Defaults.canonical("(1 -- one\n)")).isEqualTo(Defaults.canonical("1"));
        assertThat(Defaults.canonical("hello")).isNotEqualTo(Defaults.canonical("'Hello'"));
        assertThat(Defaults.canonical("-1")).isNotEqualTo(Defaults.canonical("1"));
        assertThat(Defaults.canonical("'1'")).as("text '1' is not the integer 1").isNotEqualTo(Defaults.canonical("1"));
        assertThat(Defaults.canonical(null)).isNull();
    }
}
