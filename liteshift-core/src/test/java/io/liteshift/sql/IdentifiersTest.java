package io.liteshift.sql;

import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @Test
    void fold_lowers_ascii_letters_only() {
        assertThat(Identifiers.fold("MiXeD_09")).isEqualTo("mixed_09");
        assertThat(Identifiers.fold("ÉCOLE")).isEqualTo("École");
        assertThat(Identifiers.fold("STRASSE_ß")).isEqualTo("strasse_ß");
        assertThat(Identifiers.fold("İ")).as("no locale-sensitive lowering").isEqualTo("İ");
    }

    @Test
    void same_is_ascii_case_insensitive() {
        assertThat(Identifiers.same("Users", "USERS")).isTrue();
        assertThat(Identifiers.same("École", "école")).isFalse();
        assertThat(Identifiers.same("a", "a ")).isFalse();
    }

    /** SQLite itself must agree with {@link Identifiers#same}: names that are "same" collide, others do not. */
    @Test
    void same_agrees_with_sqlite_on_which_names_collide() throws SQLException {
        try (MemoryDb db = MemoryDb.open()) {
            db.execute("CREATE TABLE \"École\" (x)");
            db.execute("CREATE TABLE \"école\" (x)");
            db.execute("CREATE TABLE \"Users\" (x)");
            assertThatThrownBy(() -> db.execute("CREATE TABLE \"USERS\" (x)")).hasMessageContaining("already exists");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "_x", "a1", "CamelCase"})
    void plain_names_stay_bare(String name) {
        assertThat(Identifiers.quote(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"select", "ORDER", "group", "1abc", "a b", "a-b", "é", "", "a\"b", "Key"})
    void names_that_would_not_read_back_bare_are_quoted(String name) {
        String quoted = Identifiers.quote(name);
        assertThat(quoted).startsWith("\"").endsWith("\"");
        assertThat(Identifiers.unquote(quoted)).isEqualTo(name);
    }

    @Test
    void force_quote_doubles_embedded_quotes() {
        assertThat(Identifiers.forceQuote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Identifiers.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void unquote_handles_every_quote_style_and_leaves_the_rest() {
        assertThat(Identifiers.unquote("\"a\"\"b\"")).isEqualTo("a\"b");
        assertThat(Identifiers.unquote("`a``b`")).isEqualTo("a`b");
        assertThat(Identifiers.unquote("[a b]")).isEqualTo("a b");
        assertThat(Identifiers.unquote("'a''b'")).isEqualTo("a'b");
        assertThat(Identifiers.unquote("plain")).isEqualTo("plain");
        assertThat(Identifiers.unquote("\"half")).isEqualTo("\"half");
        assertThat(Identifiers.unquote("x")).isEqualTo("x");
    }

    @Test
    void keywords_are_recognised_case_insensitively() {
        assertThat(Identifiers.isKeyword("SeLeCt")).isTrue();
        assertThat(Identifiers.isKeyword("users")).isFalse();
    }
}
