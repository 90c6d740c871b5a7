package io.liteshift.sql;

import io.liteshift.testing.MemoryDb;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersPropertyTest {

    private static MemoryDb db;

    @BeforeContainer
    static void openDatabase() {
        db = MemoryDb.open();
    }

    @AfterContainer
    static void closeDatabase() {
        db.close();
    }

    /** Names that stress quoting: keywords, spaces, every quote character, non-ASCII letters, digits first. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> keywords = Arbitraries.of("select", "Table", "ORDER", "key", "default", "rowid", "end",
                "primary", "check", "values", "group", "index", "true", "strict", "without");
        Arbitrary<String> pieces = Arbitraries.of("a", "Z", "_", "1", "9", " ", "\"", "'", "`", "[", "]", "-", ".",
                ";", "É", "ß", "名", "é", "$", "(", ")", "\t", "--", "/*");
        Arbitrary<String> built = pieces.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(10);
        return Arbitraries.oneOf(keywords, built, letters)
                .filter(n -> !n.toLowerCase(Locale.ROOT).startsWith("sqlite_"));
    }

    @Property(tries = 400)
    void quoted_names_read_back_from_sqlite_unchanged(@ForAll("names") String table, @ForAll("names") String column)
            throws SQLException {
        db.execute("CREATE TABLE " + Identifiers.quote(table) + " (" + Identifiers.quote(column) + " INT)");
        try {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "SELECT s.name, c.name FROM sqlite_schema s, pragma_table_info(s.name) c WHERE s.type = 'table'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(table);
                    assertThat(rs.getString(2)).isEqualTo(column);
                    assertThat(rs.next()).isFalse();
                }
            }
        } finally {
            db.execute("DROP TABLE " + Identifiers.quote(table));
        }
    }

    @Property(tries = 1000)
    void quote_then_lex_gives_one_identifier_token_naming_the_input(@ForAll("names") String name) {
        List<Token> tokens = Lexer.significant(Identifiers.quote(name));
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).isIdentifier()).isTrue();
        assertThat(tokens.get(0).identifier()).isEqualTo(name);
    }

    @Property(tries = 500)
    void fold_is_idempotent_and_same_is_symmetric(@ForAll("names") String a, @ForAll("names") String b) {
        assertThat(Identifiers.fold(Identifiers.fold(a))).isEqualTo(Identifiers.fold(a));
        assertThat(Identifiers.same(a, b)).isEqualTo(Identifiers.same(b, a));
        assertThat(Identifiers.same(a, Identifiers.fold(a))).isTrue();
    }
}
