package io.liteshift.diff;

import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two spellings of a DEFAULT that SQLite stores the same value for are the same schema; a different value is a change. */
class DefaultComparisonTest {

    private static Schema schema(String sql) {
        return DeclaredSchema.ofSql(sql).schema();
    }

    @Test
    void spellingsOfOneValueAreNoChange() {
        Schema a = schema("CREATE TABLE t (a TEXT DEFAULT hello, b TEXT DEFAULT \"x\", c INT DEFAULT TRUE, d REAL DEFAULT +1.5,"
                + " e INT DEFAULT (7 -- seven\n))");
        Schema b = schema("CREATE TABLE t (a TEXT DEFAULT 'hello', b TEXT DEFAULT ('x'), c INT DEFAULT 1, d REAL DEFAULT 1.5, e INT DEFAULT 7)");
        assertThat(Differ.diff(a, b)).isEmpty();
        assertThat(Differ.diff(b, a)).isEmpty();
    }

    @Test
    void anotherValueIsAChange() {
        Schema a = schema("CREATE TABLE t (a TEXT DEFAULT hello)");
        Schema b = schema("CREATE TABLE t (a TEXT DEFAULT 'Hello')");
        assertThat(Differ.diff(a, b)).singleElement().extracting(Change::describe).asString()
                .contains("default hello -> 'Hello'");
    }
}
