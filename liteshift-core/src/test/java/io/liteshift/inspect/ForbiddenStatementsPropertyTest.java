package io.liteshift.inspect;

import io.liteshift.DirectoryState;
import io.liteshift.LiteShiftException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every spelling of a statement a declared schema may not hold is refused at the line of its offending token, before
 * anything runs: keywords in any case, comments and newlines between any two tokens, quoted and qualified names, the
 * statement inside a trigger body, amid valid declarations. A real database next to the schema file (the one the
 * statements aim at) stays byte-identical, and no file appears.
 */
class ForbiddenStatementsPropertyTest {

    private Path dir;
    private Path prod;

    /** A token of a statement: keywords get a random case, names are written as they are. */
    record Piece(String text, boolean keyword) {
        static Piece kw(String text) {
            return new Piece(text, true);
        }

        static Piece name(String text) {
            return new Piece(text, false);
        }
    }

    /** @param offending the piece the refusal must point at */
    record Template(List<Piece> pieces, int offending) {
    }

    /** A schema file with one forbidden statement in it, and the line the refusal must name. */
    record Case(String sql, int line) {
        @Override
        public String toString() {
            return "line " + line + ":\n" + sql;
        }
    }

    @BeforeProperty
    void production() throws Exception {
        dir = Files.createTempDirectory("liteshift-forbidden");
        prod = dir.resolve("prod.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + prod); var s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1,'a'),(2,'b')");
        }
    }

    @AfterProperty
    void removeDirectory() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static Arbitrary<String> schemaName() {
        return Arbitraries.of("p", "\"p\"", "`p`", "[p]", "temp", "\"TEMP\"", "other");
    }

    private static Arbitrary<String> tableName() {
        return Arbitraries.of("t", "\"t\"", "`t`", "[t]", "\"odd name\"");
    }

    private Arbitrary<Template> templates() {
        String path = "'" + prod + "'";
        Arbitrary<Template> attach = Arbitraries.of(true, false).map(db -> statement(
                Stream.of(Piece.kw("ATTACH"), db ? Piece.kw("DATABASE") : null, Piece.name(path), Piece.kw("AS"), Piece.name("p"))));
        Arbitrary<Template> detach = schemaName().map(s -> statement(Stream.of(Piece.kw("DETACH"), Piece.name(s))));
        Arbitrary<Template> vacuum = Arbitraries.of(true, false).map(into -> statement(into
                ? Stream.of(Piece.kw("VACUUM"), Piece.kw("INTO"), Piece.name("'" + dir.resolve("copy.db") + "'"))
                : Stream.of(Piece.kw("VACUUM"))));
        Arbitrary<Template> pragma = Combinators.combine(Arbitraries.of("journal_mode", "writable_schema", "temp_store_directory",
                "user_version", "cache_size"), Arbitraries.of("1", "'x'", "ON", "wal")).as((name, value) -> statement(
                Stream.of(Piece.kw("PRAGMA"), Piece.kw("main"), Piece.name("."), Piece.kw(name), Piece.name("="), Piece.name(value))));
        Arbitrary<Template> data = Combinators.combine(schemaName(), tableName(), Arbitraries.integers().between(0, 3)).as((s, t, verb) -> statement(
                switch (verb) {
                    case 0 -> Stream.of(Piece.kw("DELETE"), Piece.kw("FROM"), Piece.name(s), Piece.name("."), Piece.name(t));
                    case 1 -> Stream.of(Piece.kw("INSERT"), Piece.kw("INTO"), Piece.name(s), Piece.name("."), Piece.name(t),
                            Piece.kw("VALUES"), Piece.name("("), Piece.name("1"), Piece.name(")"));
                    case 2 -> Stream.of(Piece.kw("UPDATE"), Piece.name(t), Piece.kw("SET"), Piece.name("v"), Piece.name("="), Piece.name("1"));
                    default -> Stream.of(Piece.kw("SELECT"), Piece.name("*"), Piece.kw("FROM"), Piece.name(t));
                }));
        Arbitrary<Template> otherSchema = Combinators.combine(schemaName(), tableName(), Arbitraries.of("TABLE", "VIEW", "INDEX"))
                .as((s, t, kind) -> statement(Stream.concat(Stream.of(Piece.kw("CREATE"), Piece.kw(kind), Piece.name(s), Piece.name("."),
                        Piece.name(t)), switch (kind) {
                            case "TABLE" -> Stream.of(Piece.name("("), Piece.name("x"), Piece.name(")"));
                            case "VIEW" -> Stream.of(Piece.kw("AS"), Piece.kw("SELECT"), Piece.name("1"));
                            default -> Stream.of(Piece.kw("ON"), Piece.name("a0"), Piece.name("("), Piece.name("x"), Piece.name(")"));
                        })));
        Arbitrary<Template> temporary = Arbitraries.of("TEMP", "TEMPORARY").map(w -> statement(Stream.of(Piece.kw("CREATE"), Piece.kw(w),
                Piece.kw("TABLE"), Piece.name("t2"), Piece.name("("), Piece.name("x"), Piece.name(")"))));
        Arbitrary<Template> loadExtension = Arbitraries.of("load_extension", "\"load_extension\"", "LOAD_EXTENSION").map(f -> new Template(List.of(
                Piece.kw("CREATE"), Piece.kw("VIEW"), Piece.name("v"), Piece.kw("AS"), Piece.kw("SELECT"), Piece.name(f), Piece.name("("),
                Piece.name("'evil'"), Piece.name(")")), 0));
        Arbitrary<Template> inTrigger = Arbitraries.of(true, false).map(db -> {
            List<Piece> p = new ArrayList<>(List.of(Piece.kw("CREATE"), Piece.kw("TRIGGER"), Piece.name("tr"), Piece.kw("AFTER"),
                    Piece.kw("INSERT"), Piece.kw("ON"), Piece.name("a0"), Piece.kw("BEGIN"), Piece.kw("SELECT"), Piece.name("1"), Piece.name(";")));
            int at = p.size();
            p.addAll(db ? List.of(Piece.kw("ATTACH"), Piece.name(path), Piece.kw("AS"), Piece.name("p"))
                    : List.of(Piece.kw("DETACH"), Piece.name("p")));
            p.addAll(List.of(Piece.name(";"), Piece.kw("END")));
            return new Template(p, at);
        });
        Arbitrary<Template> alter = Arbitraries.of(true, false).map(drop -> statement(drop
                ? Stream.of(Piece.kw("DROP"), Piece.kw("TABLE"), Piece.name("a0"))
                : Stream.of(Piece.kw("ALTER"), Piece.kw("TABLE"), Piece.name("a0"), Piece.kw("ADD"), Piece.name("y"))));
        return Arbitraries.oneOf(attach, detach, vacuum, pragma, data, otherSchema, temporary, loadExtension, inTrigger, alter);
    }

    private static Template statement(Stream<Piece> pieces) {
        return new Template(pieces.filter(Objects::nonNull).toList(), 0);
    }

    /** What may stand between two tokens: SQLite reads all of it as nothing. */
    private static Arbitrary<String> separators() {
        return Arbitraries.of(" ", "  ", "\n", "\r\n", "\t", "/**/", " /* a comment */ ", "/* two\nlines */", " -- to the end\n", "\n\n");
    }

    @Provide
    Arbitrary<Case> cases() {
        return templates().flatMap(t -> Combinators.combine(separators().list().ofSize(t.pieces().size()),
                Arbitraries.integers().between(0, 3).list().ofSize(t.pieces().size()),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2)).as((seps, cases, before, after) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < before; i++) sb.append("CREATE TABLE a").append(i).append(" (x, y);\n").append(i % 2 == 0 ? "\n" : "");
            if (before == 0) sb.append("CREATE TABLE a0 (x);\n");
            int line = -1;
            for (int i = 0; i < t.pieces().size(); i++) {
                if (i > 0) sb.append(seps.get(i));
                if (i == t.offending()) line = (int) sb.chars().filter(c -> c == '\n').count() + 1;
                Piece p = t.pieces().get(i);
                sb.append(p.keyword() ? cased(p.text(), cases.get(i)) : p.text());
            }
            sb.append(";\n");
            for (int i = 0; i < after; i++) sb.append("CREATE TABLE z").append(i).append(" (x);\n");
            return new Case(sb.toString(), line);
        }));
    }

    private static String cased(String word, int style) {
        return switch (style) {
            case 0 -> word.toLowerCase(Locale.ROOT);
            case 1 -> word.toUpperCase(Locale.ROOT);
            case 2 -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
            default -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < word.length(); i++) {
                    char c = word.charAt(i);
                    sb.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
                yield sb.toString();
            }
        };
    }

    @Property(tries = 400)
    void everySpellingIsRefusedAtItsLineAndReachesNoFile(@ForAll("cases") Case c) throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.sql"), c.sql());
        DirectoryState before = DirectoryState.of(dir);

        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, () -> DeclaredSchema.load(schema));

        assertThat(e).as("must be refused").isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith(schema + ":" + c.line() + ": ").contains("not allowed").endsWith("nothing was changed.");
        assertThat(DirectoryState.of(dir)).isEqualTo(before);
        assertThat(prodRows()).isEqualTo(2);
    }

    private long prodRows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + prod); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
            return rs.getLong(1);
        }
    }
}
