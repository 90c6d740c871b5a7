package io.liteshift.diff;

import io.liteshift.LiteShiftException;
import io.liteshift.inspect.DeclaredSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnusableHintsTest {

    private static List<String> unusable(String current, String declared) {
        DeclaredSchema now = DeclaredSchema.ofSql(current);
        DeclaredSchema want = DeclaredSchema.ofSql(declared);
        return Differ.compare(now.schema(), want.schema(), want.hints()).unusableHints();
    }

    @Test
    void aHintOntoANameThatExistsIsReportedWithItsLine() {
        List<String> out = unusable("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);",
                "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  y TEXT -- @renamed from=x\n);");
        assertThat(out).singleElement().asString().startsWith("(SQL text):3: the rename hint '-- @renamed from=x' was taken as"
                + " a rename of column t.y from x, but both x and y exist already");
    }

    @Test
    void aHintFromANameThatExistsNowhereIsReportedWithItsLine() {
        List<String> out = unusable("CREATE TABLE t (id INTEGER PRIMARY KEY);",
                "-- @renamed from=gone\nCREATE TABLE u (id INTEGER PRIMARY KEY);\nCREATE TABLE t (id INTEGER PRIMARY KEY);");
        assertThat(out).singleElement().asString().startsWith("(SQL text):1: the rename hint '-- @renamed from=gone' was taken"
                + " as a rename of table u from gone, but there is no table gone");
    }

    @Test
    void aColumnHintInATableThatIsNewHereIsReported() {
        List<String> out = unusable("CREATE TABLE t (id INTEGER PRIMARY KEY);",
                "CREATE TABLE t (id INTEGER PRIMARY KEY);\nCREATE TABLE fresh (\n  id INTEGER PRIMARY KEY,\n  b TEXT -- @renamed from=a\n);");
        assertThat(out).singleElement().asString().startsWith("(SQL text):4:").contains("column fresh.b from a", "table fresh is new here");
    }

    @Test
    void requireUsableHintsRefusesAsInvalidInputListingEveryHint() {
        DeclaredSchema now = DeclaredSchema.ofSql("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);");
        DeclaredSchema want = DeclaredSchema.ofSql("CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  y TEXT, -- @renamed from=x\n"
                + "  z TEXT -- @renamed from=nope\n);");
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class,
                () -> Differ.compare(now.schema(), want.schema(), want.hints()).requireUsableHints());
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(e.getMessage()).contains("(SQL text):3:", "(SQL text):4:", "column t.z from nope").endsWith("Nothing was changed.");
    }

    @Test
    void pendingAppliedSwappedAndReusedHintsAreNotReported() {
        String declared = "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  b TEXT, -- @renamed from=a\n  c TEXT -- @renamed from=d\n);";
        assertThat(unusable("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, c TEXT);", declared)).isEmpty(); // a pending, c applied
        String swap = "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  y TEXT, -- @renamed from=x\n  x TEXT -- @renamed from=y\n);";
        assertThat(unusable("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);", swap)).isEmpty();
        assertThat(Differ.diff(DeclaredSchema.ofSql("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT);").schema(),
                DeclaredSchema.ofSql(swap).schema(), DeclaredSchema.ofSql(swap).hints()))
                .singleElement().isInstanceOf(Change.AlterTable.class);
        // users became accounts and a new users took the old name: both exist, as the applied hint left them
        String reused = "-- @renamed from=users\nCREATE TABLE accounts (id INTEGER PRIMARY KEY);\nCREATE TABLE users (id INTEGER PRIMARY KEY);";
        assertThat(unusable("CREATE TABLE accounts (id INTEGER PRIMARY KEY); CREATE TABLE users (id INTEGER PRIMARY KEY);", reused)).isEmpty();
    }

    @Test
    void aDatabaseWithoutTablesHasNothingToRenameSoNoHintIsUnusable() {
        assertThat(unusable("", "-- @renamed from=clients\nCREATE TABLE customers (\n  id INTEGER PRIMARY KEY,\n"
                + "  full_name TEXT -- @renamed from=name\n);")).isEmpty();
    }
}
