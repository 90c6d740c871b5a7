package io.liteshift.diff;

import io.liteshift.inspect.DeclaredSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnusableHintsTest {

    private static List<String> unusable(String current, String declared) {
        DeclaredSchema now = DeclaredSchema.ofSql(current);
        DeclaredSchema want = DeclaredSchema.ofSql(declared);
        return Differ.unusableHints(now.schema(), want.schema(), want.hints());
    }

    @Test
    void aHintOntoANameThatExistsIsReported() {
        List<String> out = unusable("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, y TEXT -- @renamed from=x\n);");
        assertThat(out).singleElement().asString().contains("column t.y (from=x)").contains("both x and y exist");
    }

    @Test
    void aHintFromANameThatExistsNowhereIsReported() {
        List<String> out = unusable("CREATE TABLE t (id INTEGER PRIMARY KEY);",
                "-- @renamed from=gone\nCREATE TABLE u (id INTEGER PRIMARY KEY);\nCREATE TABLE t (id INTEGER PRIMARY KEY);");
        assertThat(out).singleElement().asString().contains("table u (from=gone)").contains("there is no table gone");
    }

    @Test
    void pendingAppliedAndSwappedHintsAreNotReported() {
        String declared = "CREATE TABLE t (id INTEGER PRIMARY KEY, b TEXT, -- @renamed from=a\n c TEXT -- @renamed from=d\n);";
        assertThat(unusable("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, c TEXT);", declared)).isEmpty(); // a pending, c applied
        String swap = "CREATE TABLE t (id INTEGER PRIMARY KEY, y TEXT, -- @renamed from=x\n x TEXT -- @renamed from=y\n);";
        assertThat(unusable("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);", swap)).isEmpty();
        assertThat(Differ.diff(DeclaredSchema.ofSql("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);").schema(),
                DeclaredSchema.ofSql(swap).schema(), DeclaredSchema.ofSql(swap).hints()))
                .singleElement().isInstanceOf(Change.AlterTable.class);
    }
}
