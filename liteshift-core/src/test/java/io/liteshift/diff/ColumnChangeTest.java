package io.liteshift.diff;

import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.schema.Column;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A column is compared once, into the set of what differs; the description and the planner read that set. */
class ColumnChangeTest {

    /** Column {@code c} of {@code CREATE TABLE t (id INTEGER PRIMARY KEY, c <definition>)}, as SQLite reports it. */
    private static Column column(String definition) {
        return DeclaredSchema.ofSql("CREATE TABLE t (id INTEGER PRIMARY KEY, c " + definition + ")").schema().table("t").orElseThrow().column("c").orElseThrow();
    }

    @Test
    void eachAspectIsFoundOnItsOwn() {
        Column plain = column("TEXT");
        assertThat(ColumnChange.between(plain, column("INTEGER"))).containsExactly(ColumnChange.TYPE);
        assertThat(ColumnChange.between(plain, column("TEXT NOT NULL DEFAULT ''"))).containsExactly(ColumnChange.NULLABILITY,
                ColumnChange.DEFAULT);
        assertThat(ColumnChange.between(plain, column("TEXT COLLATE NOCASE"))).containsExactly(ColumnChange.COLLATION);
        assertThat(ColumnChange.between(column("TEXT AS ('a')"), column("TEXT AS ('b')"))).containsExactly(ColumnChange.GENERATED);
        assertThat(ColumnChange.between(column("TEXT AS ('a')"), column("TEXT AS ('a') STORED"))).containsExactly(ColumnChange.GENERATED);
        assertThat(ColumnChange.between(plain, column("TEXT AS ('a')"))).containsExactly(ColumnChange.GENERATED);
    }

    @Test
    void spellingsSqliteReadsAlikeAreNoChange() {
        assertThat(ColumnChange.between(column("text"), column("TEXT"))).isEmpty();
        assertThat(ColumnChange.between(column("TEXT COLLATE BINARY"), column("TEXT"))).isEmpty();
        assertThat(ColumnChange.between(column("INT DEFAULT TRUE"), column("INT DEFAULT 1"))).isEmpty();
        assertThat(ColumnChange.between(column("TEXT AS (upper( 'a' ))"), column("TEXT AS (UPPER('a'))"))).isEmpty();
    }

    @Test
    void theDifferCarriesTheSetAndTheDescriptionReadsIt() {
        List<Change> changes = Differ.diff(DeclaredSchema.ofSql("CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT)").schema(),
                DeclaredSchema.ofSql("CREATE TABLE t (id INTEGER PRIMARY KEY, c INT NOT NULL DEFAULT 0)").schema());
        Alteration.ModifyColumn m = (Alteration.ModifyColumn) ((Change.AlterTable) changes.get(0)).alterations().get(0);
        assertThat(m.changes()).containsExactly(ColumnChange.TYPE, ColumnChange.NULLABILITY, ColumnChange.DEFAULT);
        assertThat(m.onlyNullabilityChanged()).isFalse();
        assertThat(m.describe()).isEqualTo("change column c (type TEXT -> INT, becomes NOT NULL, default none -> 0)");
    }
}
