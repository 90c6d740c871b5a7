package io.liteshift.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class LexerTest {

    /** The only significant token of {@code sql}, which must lex to exactly one. */
    private static Token single(String sql) {
        List<Token> tokens = Lexer.significant(sql);
        assertThat(tokens).as("significant tokens of %s", sql).hasSize(1);
        return tokens.get(0);
    }

    private static List<String> texts(String sql) {
        return Lexer.significant(sql).stream().map(Token::text).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "select => WORD",
            "_x1$ => WORD",
            "Élan => WORD",
            "\"a\"\"b\" => QUOTED",
            "`x` => QUOTED",
            "[x y] => QUOTED",
            "'it''s' => STRING",
            "X'0aFF' => BLOB",
            "x'' => BLOB",
            "1e5 => NUMBER",
            ".5 => NUMBER",
            "0x1F => NUMBER",
            "3.14E-2 => NUMBER",
            "1_000 => NUMBER",
            "? => VARIABLE",
            "?12 => VARIABLE",
            ":name => VARIABLE",
            "@p1 => VARIABLE",
            "$dollar => VARIABLE",
            "|| => PUNCT",
            "->> => PUNCT",
            "-> => PUNCT",
            "<> => PUNCT",
            "!= => PUNCT",
            "== => PUNCT",
            "<= => PUNCT",
            ">> => PUNCT",
            "( => PUNCT",
    })
    void every_kind_of_significant_token(String text, Token.Kind kind) {
        Token t = single(text);
        assertThat(t.kind()).isEqualTo(kind);
        assertThat(t.text()).isEqualTo(text);
    }

    @Test
    void quoted_identifiers_unquote_with_their_own_rules() {
        assertThat(single("\"a\"\"b\"").identifier()).isEqualTo("a\"b");
        assertThat(single("`a``b`").identifier()).isEqualTo("a`b");
        assertThat(single("[a\"b]").identifier()).isEqualTo("a\"b");
        assertThat(single("'it''s'").identifier()).isEqualTo("it's");
        assertThat(single("plain").identifier()).isEqualTo("plain");
    }

    @Test
    void a_doubled_quote_does_not_end_a_string() {
        assertThat(texts("'a;''b' , x")).containsExactly("'a;''b'", ",", "x");
    }

    @Test
    void brackets_do_not_escape_a_closing_bracket() {
        assertThat(texts("[a]]")).containsExactly("[a]", "]");
    }

    @Test
    void line_comment_runs_to_the_end_of_the_line() {
        List<Token> all = Lexer.tokenize("a -- x; y\nb");
        assertThat(all).extracting(Token::kind).containsExactly(
                Token.Kind.WORD, Token.Kind.SPACE, Token.Kind.COMMENT, Token.Kind.SPACE, Token.Kind.WORD);
        assertThat(all.get(2).text()).isEqualTo("-- x; y");
        assertThat(all.get(4).line()).isEqualTo(2);
    }

    @Test
    void block_comment_spans_lines_and_counts_them() {
        List<Token> all = Lexer.tokenize("a /* one\ntwo */ b\nc");
        assertThat(all.get(2).kind()).isEqualTo(Token.Kind.COMMENT);
        assertThat(all.get(2).text()).isEqualTo("/* one\ntwo */");
        assertThat(Lexer.significant("a /* one\ntwo */ b\nc")).extracting(Token::line).containsExactly(1, 2, 3);
    }

    @Test
    void unterminated_block_comment_at_end_of_input_is_a_comment_as_in_sqlite() {
        List<Token> all = Lexer.tokenize("select 1 /* trailing; 'quote");
        Token last = all.get(all.size() - 1);
        assertThat(last.kind()).isEqualTo(Token.Kind.COMMENT);
        assertThat(last.text()).isEqualTo("/* trailing; 'quote");
    }

    @Test
    void trivia_is_whitespace_and_comments_only() {
        assertThat(Lexer.tokenize(" \t\n-- c\n/* d */")).allMatch(Token::isTrivia);
        assertThat(Lexer.significant(" \t\n-- c\n/* d */")).isEmpty();
    }

    @Test
    void numbers_stop_where_sqlite_stops_them() {
        assertThat(texts("1.5.3")).containsExactly("1.5", ".3");
        assertThat(texts("2e")).containsExactly("2", "e");
        assertThat(texts("7e+")).containsExactly("7", "e", "+");
        assertThat(texts("1-2")).containsExactly("1", "-", "2");
        assertThat(texts("a.b")).containsExactly("a", ".", "b");
    }

    @Test
    void a_word_starting_with_x_is_not_a_blob() {
        assertThat(single("xyz").kind()).isEqualTo(Token.Kind.WORD);
        assertThat(texts("max'a'")).containsExactly("max", "'a'");
    }

    @Test
    void longest_operator_wins() {
        assertThat(texts("a->>'$.x'||b<>c!=d==e->f")).containsExactly(
                "a", "->>", "'$.x'", "||", "b", "<>", "c", "!=", "d", "==", "e", "->", "f");
        assertThat(texts("a<b>c")).containsExactly("a", "<", "b", ">", "c");
    }

    @Test
    void a_lone_sigil_is_punctuation_not_a_parameter() {
        assertThat(texts(": @ $")).containsExactly(":", "@", "$");
    }

    @Test
    void positions_and_lines_point_into_the_source() {
        String sql = "CREATE TABLE t (\n  a INT,\n  'b' TEXT\n)";
        for (Token t : Lexer.tokenize(sql)) {
            assertThat(sql.substring(t.start(), t.end())).isEqualTo(t.text());
            long newlinesBefore = sql.substring(0, t.start()).chars().filter(c -> c == '\n').count();
            assertThat(t.line()).isEqualTo((int) newlinesBefore + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"select 'open", "select \"open", "select `open", "select [open", "select x'0a"})
    void unterminated_quotes_are_syntax_errors(String sql) {
        assertThatThrownBy(() -> Lexer.tokenize(sql)).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void syntax_error_reports_the_line_where_the_unterminated_token_starts() {
        SqlSyntaxException e = (SqlSyntaxException) catchThrowable(
                () -> Lexer.tokenize("select 1;\nselect 2;\nselect 'never\nclosed"));
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void token_predicates() {
        Token kw = single("SeLeCt");
        assertThat(kw.is("select")).isTrue();
        assertThat(kw.isIdentifier()).isTrue();
        assertThat(single("\"select\"").is("select")).as("a quoted name is never a keyword").isFalse();
        assertThat(single(";").isPunct(";")).isTrue();
        assertThat(single("'s'").isIdentifier()).isFalse();
    }
}
