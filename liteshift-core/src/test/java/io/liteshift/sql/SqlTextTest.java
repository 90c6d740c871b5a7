package io.liteshift.sql;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTextTest {

    @Test
    void canonical_ignores_formatting_quoting_case_and_comments() {
        String a = "CREATE TABLE \"Users\" (\n  id   INTEGER PRIMARY KEY, -- the key\n  [Name] TEXT /* why */ DEFAULT 'x'\n)";
        String b = "create table users(ID integer primary key,`name` text default 'x')";
        assertThat(SqlText.canonical(a)).isEqualTo(SqlText.canonical(b));
    }

    @Test
    void canonical_keeps_string_literals_exactly() {
        assertThat(SqlText.canonical("SELECT 'x'")).isNotEqualTo(SqlText.canonical("SELECT 'X'"));
        assertThat(SqlText.canonical("SELECT 'a  b'")).isNotEqualTo(SqlText.canonical("SELECT 'a b'"));
        assertThat(SqlText.canonical("SELECT 'x'")).isNotEqualTo(SqlText.canonical("SELECT \"x\""));
    }

    @Test
    void canonical_folds_blob_and_hex_number_case_only() {
        assertThat(SqlText.canonical("SELECT X'AB', 0XFF")).isEqualTo(SqlText.canonical("select x'ab', 0xff"));
        assertThat(SqlText.canonical("SELECT 1")).isNotEqualTo(SqlText.canonical("SELECT 2"));
        assertThat(SqlText.canonical(null)).isNull();
    }

    @Test
    void canonical_expression_ignores_redundant_outer_parentheses_only() {
        assertThat(SqlText.canonicalExpression("(('x'))")).isEqualTo(SqlText.canonicalExpression("'x'"));
        assertThat(SqlText.canonicalExpression("(a) + (b)")).isEqualTo("( a ) + ( b )");
        assertThat(SqlText.canonicalExpression(null)).isNull();
    }

    @Test
    void rename_identifiers_rewrites_names_only() {
        String sql = "SELECT old, \"OLD\", t.[old], 'old' FROM t -- old stays in comments\nWHERE oldish = 1";
        String renamed = SqlText.renameIdentifiers(sql, Map.of("old", "fresh"));
        assertThat(renamed).isEqualTo(
                "SELECT fresh, fresh, t.fresh, 'old' FROM t -- old stays in comments\nWHERE oldish = 1");
    }

    @Test
    void rename_identifiers_quotes_new_names_that_need_it() {
        assertThat(SqlText.renameIdentifiers("SELECT a FROM t", Map.of("a", "select", "t", "my table")))
                .isEqualTo("SELECT \"select\" FROM \"my table\"");
        assertThat(SqlText.renameIdentifiers("SELECT a", Map.of())).isEqualTo("SELECT a");
    }

    @Test
    void mentions_finds_identifiers_in_any_quoting_but_not_in_comments() {
        Set<String> names = Set.of("orders");
        assertThat(SqlText.mentions("SELECT * FROM \"Orders\"", names)).isTrue();
        assertThat(SqlText.mentions("SELECT * FROM [ORDERS]", names)).isTrue();
        assertThat(SqlText.mentions("SELECT * FROM orders_archive -- orders", names)).isFalse();
        assertThat(SqlText.mentions("SELECT * FROM t", Set.of())).isFalse();
        assertThat(SqlText.mentions(null, names)).isFalse();
    }

    @Test
    void without_hints_removes_rename_hints_and_keeps_other_comments() {
        String sql = """
                CREATE TABLE t (
                  id INTEGER PRIMARY KEY, -- the key
                  full_name TEXT, -- @renamed from=name
                  mail TEXT /* @renamed from=email */ NOT NULL
                )""";
        String cleaned = SqlText.withoutHints(sql);
        assertThat(cleaned).doesNotContain("@renamed").contains("-- the key")
                .contains("  full_name TEXT,\n").contains("mail TEXT   NOT NULL");
        assertThat(SqlText.canonical(cleaned)).isEqualTo(SqlText.canonical(sql));
    }

    @Test
    void one_line_joins_tokens_compactly() {
        assertThat(SqlText.oneLine("CREATE TABLE t (\n  a INT,\n  b TEXT -- c\n)")).isEqualTo("CREATE TABLE t (a INT, b TEXT)");
    }

    @Test
    void inline_drops_comments_and_line_breaks_but_keeps_strings_and_quoted_names() {
        assertThat(SqlText.inline("x > 0 -- positive\n")).isEqualTo("x > 0");
        assertThat(SqlText.inline("a /* b */ + c -- d\n    + e")).isEqualTo("a   + c  + e");
        assertThat(SqlText.inline("'line\nbreak' ||\r\n  x")).isEqualTo("'line\nbreak' || x");
        assertThat(SqlText.inline("'-- not a comment' || \"/* nor */\"")).isEqualTo("'-- not a comment' || \"/* nor */\"");
        assertThat(SqlText.inline(null)).isNull();
    }

    @Test
    void trimmed_drops_the_comments_and_space_around_a_statement() {
        assertThat(SqlText.trimmed("  -- lead\nCREATE VIEW v AS SELECT 1 -- trail")).isEqualTo("CREATE VIEW v AS SELECT 1");
        assertThat(SqlText.trimmed("-- only a comment")).isEmpty();
    }
}
