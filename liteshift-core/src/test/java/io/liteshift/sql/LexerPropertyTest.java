package io.liteshift.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LexerPropertyTest {

    /** Strings dense in the characters that start or end tokens, so quotes and comments collide often. */
    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> fragments = Arbitraries.of(
                "'", "''", "\"", "`", "[", "]", "--", "/*", "*/", "\n", " ", "\t", ";", "x'", "X'0a'", "0x1F", "1e5",
                ".5", "1.", "?", "?3", ":a", "@b", "$c", "->>", "->", "||", "<>", "!=", "==", "(", ")", ",", ".",
                "select", "END", "É", "名前", "_", "9", "e", "-", "+", "*", "/");
        return Arbitraries.oneOf(fragments.list().ofMaxSize(30).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 2000)
    void tokens_concatenate_back_to_the_input(@ForAll("sqlish") String input) {
        List<Token> tokens = tokenizeOrSkip(input);
        StringBuilder joined = new StringBuilder();
        for (Token t : tokens) joined.append(t.text());
        assertThat(joined.toString()).isEqualTo(input);
    }

    @Property(tries = 1000)
    void tokens_are_contiguous_non_empty_and_know_their_line(@ForAll("sqlish") String input) {
        int expectedStart = 0;
        for (Token t : tokenizeOrSkip(input)) {
            assertThat(t.text()).isNotEmpty();
            assertThat(t.start()).isEqualTo(expectedStart);
            long newlines = input.substring(0, t.start()).chars().filter(c -> c == '\n').count();
            assertThat(t.line()).isEqualTo((int) newlines + 1);
            expectedStart = t.end();
        }
    }

    @Property(tries = 500)
    void significant_tokens_are_the_non_trivia_ones(@ForAll("sqlish") String input) {
        List<Token> all = tokenizeOrSkip(input);
        assertThat(Lexer.significant(input)).containsExactlyElementsOf(all.stream().filter(t -> !t.isTrivia()).toList());
    }

    private static List<Token> tokenizeOrSkip(String input) {
        try {
            return Lexer.tokenize(input);
        } catch (SqlSyntaxException e) {
            Assume.that(false); // only inputs that tokenize are of interest here
            return List.of();
        }
    }
}
