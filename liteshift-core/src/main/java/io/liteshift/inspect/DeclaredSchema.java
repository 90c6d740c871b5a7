package io.liteshift.inspect;

import io.liteshift.LiteShiftException;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A schema declared in SQL: a {@code .sql} file or a directory of them (read in file-name order). It is run
 * into an in-memory SQLite, so SQLite itself validates what the user wrote, and then inspected exactly like
 * a live database.
 *
 * @param source the file or directory it came from
 */
public record DeclaredSchema(Path source, Schema schema, RenameHints hints) {

    public static DeclaredSchema load(Path source) {
        List<Text> texts = files(source).stream().map(f -> new Text(f.toString(), read(f), FILE)).toList();
        return load(source, source.toString(), texts);
    }

    /**
     * Runs SQL that was not read from a file (the DDL a schema declared in Java renders) as a declared schema;
     * {@code origin} names it in messages and {@code fixIn} says where to fix it. The record's {@code source} is null.
     */
    public static DeclaredSchema ofText(String origin, String sql, String fixIn) {
        return load(null, origin, List.of(new Text(origin, sql, fixIn)));
    }

    private static final String FILE = "the schema file";

    /** One unit of declared SQL, the name its messages use and where the user fixes it. */
    private record Text(String name, String sql, String fixIn) {
    }

    private static DeclaredSchema load(Path source, String label, List<Text> texts) {
        try (Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            mem.setAutoCommit(false); // one transaction for the whole declaration: a thousand tables load in a blink
            Map<String, String> tableHints = new HashMap<>();
            Map<String, Map<String, String>> columnHints = new HashMap<>();
            for (Text text : texts) {
                String file = text.name();
                List<Statement> statements;
                try {
                    statements = Scripts.split(text.sql());
                } catch (SqlSyntaxException e) {
                    throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                            file + ":" + e.line() + ": " + e.getMessage() + ". Fix the SQL in " + text.fixIn() + ".");
                }
                for (Statement s : statements) {
                    if (isTransactionControl(s)) continue; // the whole declaration runs in one transaction below
                    execute(mem, text, s);
                    Hints.collect(file, s, tableHints, columnHints);
                }
            }
            mem.commit();
            return new DeclaredSchema(source, Inspector.inspect(mem), new RenameHints(tableHints, columnHints));
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "cannot read the declared schema " + label + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs SQL text as a declared schema (used by tests, snapshots and the Java API); messages name it
     * {@value #SQL_TEXT}. The record's {@code source} is null.
     */
    public static DeclaredSchema ofSql(String sql) {
        return ofText(SQL_TEXT, sql, FILE);
    }

    private static final String SQL_TEXT = "(SQL text)";

    /** BEGIN, COMMIT and the like, as in a .dump: meaningless for a declaration, and they would end our transaction. */
    private static boolean isTransactionControl(Statement s) {
        Token first = s.significant().get(0);
        return first.is("begin") || first.is("commit") || first.is("end") || first.is("rollback")
                || first.is("savepoint") || first.is("release");
    }

    private static void execute(Connection mem, Text source, Statement s) {
        try (java.sql.Statement st = mem.createStatement()) {
            st.execute(s.sql());
        } catch (SQLException e) {
            String why = io.liteshift.sql.SqliteErrors.message(e);
            int line = errorLine(mem, s, why);
            // a rendered text has no file to open: show the whole statement (SQLite rarely says where in it)
            String text = source.fixIn().equals(FILE) ? s.sql().lines().skip(line - s.line()).findFirst().orElse("").strip()
                    : s.sql().strip().replace("\n", "\n    ");
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    source.name() + ":" + line + ": SQLite rejected this statement: " + why + "\n    " + text
                            + "\nFix the statement in " + source.fixIn() + "; nothing was changed.");
        }
    }

    /**
     * The line SQLite's message points at ('near "x"'). The token may occur several times; the offending one is
     * the first whose statement prefix, cut right after it, already fails near it (earlier cuts are merely
     * incomplete).
     */
    private static int errorLine(Connection mem, Statement s, String why) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("near \"(.*?)\": ").matcher(why);
        if (!m.find()) return s.line();
        int base = s.tokens().get(0).start();
        Token first = null;
        for (Token t : s.tokens()) {
            if (t.isTrivia() || !t.text().equals(m.group(1))) continue;
            if (first == null) first = t;
            String prefix = s.sql().substring(0, t.end() - base);
            try (java.sql.PreparedStatement ps = mem.prepareStatement(prefix)) {
                // prepared: this occurrence is fine so far
            } catch (SQLException e) {
                if (io.liteshift.sql.SqliteErrors.message(e).contains("near \"" + m.group(1) + "\"")) return t.line();
            }
        }
        return first != null ? first.line() : s.line();
    }

    private static List<Path> files(Path source) {
        if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.list(source)) {
                List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList());
                if (out.isEmpty()) {
                    throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                            "the schema directory " + source + " holds no .sql files");
                }
                return out;
            } catch (IOException e) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot list " + source + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(source)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the schema file " + source.toAbsolutePath() + " does not exist. Check the --schema path.");
        }
        return List.of(source);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Finds the rename hints in one statement's comments. */
    static final class Hints {
        private Hints() {
        }

        static void collect(String file, Statement s, Map<String, String> tableHints, Map<String, Map<String, String>> columnHints) {
            List<Token> sig = s.significant();
            if (sig.size() < 3 || !sig.get(0).is("create")) return;
            int at = 1;
            if (sig.get(at).is("temp") || sig.get(at).is("temporary")) at++;
            boolean isTable = sig.get(at).is("table");
            for (Token c : s.leading()) {
                String from = hint(file, c);
                if (from == null) continue;
                if (!isTable || c.line() != s.line() - 1) {
                    throw misplaced(file, c, "a table rename hint must stand on the line directly above its CREATE TABLE");
                }
                tableHints.put(io.liteshift.sql.Identifiers.fold(tableName(sig, at)), from);
            }
            List<Token> all = s.tokens();
            for (int i = 0; i < all.size(); i++) {
                Token c = all.get(i);
                String from = hint(file, c);
                if (from == null) continue;
                if (!isTable) throw misplaced(file, c, "column rename hints belong inside a CREATE TABLE");
                String column = columnEndingBefore(all, i);
                if (column == null) {
                    throw misplaced(file, c, "a column rename hint must stand at the end of the column's line");
                }
                columnHints.computeIfAbsent(io.liteshift.sql.Identifiers.fold(tableName(sig, at)), k -> new HashMap<>())
                        .put(io.liteshift.sql.Identifiers.fold(column), from);
            }
        }

        private static String tableName(List<Token> sig, int tableKeyword) {
            int i = tableKeyword + 1;
            if (sig.get(i).is("if")) i += 3;
            if (i + 1 < sig.size() && sig.get(i + 1).isPunct(".")) i += 2;
            return sig.get(i).identifier();
        }

        /** The column whose definition has its last token on the comment's line, before the comment. */
        private static String columnEndingBefore(List<Token> tokens, int commentIndex) {
            Token comment = tokens.get(commentIndex);
            int depth = 0;
            String current = null;
            boolean expectName = false;
            Token lastSignificant = null;
            for (int i = 0; i < commentIndex; i++) {
                Token t = tokens.get(i);
                if (t.isTrivia()) continue;
                if (t.isPunct("(")) {
                    depth++;
                    if (depth == 1) expectName = true;
                    lastSignificant = t;
                    continue;
                }
                if (t.isPunct(")")) depth--;
                if (depth == 1 && t.isPunct(",")) {
                    expectName = true;
                    lastSignificant = t;
                    continue;
                }
                if (expectName && depth == 1) {
                    boolean constraint = t.kind() == Token.Kind.WORD && (t.is("constraint") || t.is("primary")
                            || t.is("unique") || t.is("check") || t.is("foreign"));
                    current = constraint ? null : t.identifier();
                    expectName = false;
                }
                lastSignificant = t;
            }
            if (lastSignificant == null || lastSignificant.line() != comment.line()) return null;
            return current;
        }

        private static String hint(String file, Token t) {
            if (t.kind() != Token.Kind.COMMENT || !t.text().contains("@renamed")) return null;
            String body = t.text().startsWith("--") ? t.text().substring(2) : t.text().substring(2, t.text().length() - 2);
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("@renamed\\s+from\\s*=\\s*(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^\\]]*]|[^\\s*]+)").matcher(body);
            if (!m.find()) throw misplaced(file, t, "write the hint as: -- @renamed from=old_name");
            return io.liteshift.sql.Identifiers.unquote(m.group(1));
        }

        private static LiteShiftException misplaced(String file, Token t, String why) {
            return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    file + ":" + t.line() + ": cannot use the rename hint '" + t.text().strip() + "': " + why + ".");
        }
    }
}
