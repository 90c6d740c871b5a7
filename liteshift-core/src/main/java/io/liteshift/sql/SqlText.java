package io.liteshift.sql;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Operations on SQL text that respect SQLite's tokens: comparison that ignores formatting, and renaming. */
public final class SqlText {

    private SqlText() {
    }

    /**
     * A form of {@code sql} that is equal for two texts SQLite reads the same way: no comments or whitespace,
     * identifiers unquoted and case-folded, keywords lower case. String literals are kept exactly.
     */
    public static String canonical(String sql) {
        if (sql == null) return null;
        StringBuilder sb = new StringBuilder();
        for (Token t : Lexer.significant(sql)) {
            if (!sb.isEmpty()) sb.append(' ');
            switch (t.kind()) {
                case WORD -> sb.append(Identifiers.fold(t.text()));
                case QUOTED -> sb.append(Identifiers.fold(t.identifier()));
                case BLOB, NUMBER -> sb.append(t.text().toLowerCase(Locale.ROOT));
                default -> sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** A default value expression without the parentheses around it: {@code ('x')} and {@code 'x'} compare equal. */
    public static String canonicalExpression(String expr) {
        if (expr == null) return null;
        String c = canonical(expr);
        while (c.startsWith("( ") && c.endsWith(" )") && balancedInside(c.substring(2, c.length() - 2))) {
            c = c.substring(2, c.length() - 2);
        }
        return c;
    }

    private static boolean balancedInside(String s) {
        int depth = 0;
        for (Token t : Lexer.significant(s)) {
            if (t.isPunct("(")) depth++;
            if (t.isPunct(")") && --depth < 0) return false;
        }
        return depth == 0;
    }

    /**
     * Rewrites every identifier token whose folded name is a key of {@code renames} (keys folded) to the
     * mapped name, quoted as needed. Everything else, comments included, is kept byte for byte.
     */
    public static String renameIdentifiers(String sql, Map<String, String> renames) {
        if (renames.isEmpty()) return sql;
        return rewrite(sql, t -> {
            if (!t.isIdentifier()) return t.text();
            String to = renames.get(Identifiers.fold(t.identifier()));
            return to == null ? t.text() : Identifiers.quote(to);
        });
    }

    /** True when any identifier in {@code sql} names one of {@code foldedNames}. */
    public static boolean mentions(String sql, Collection<String> foldedNames) {
        if (sql == null || foldedNames.isEmpty()) return false;
        for (Token t : Lexer.significant(sql)) {
            if ((t.isIdentifier() || t.kind() == Token.Kind.STRING) && foldedNames.contains(Identifiers.fold(t.identifier()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code sql} without its comments and line breaks, stripped: a block comment becomes a space, a line comment
     * goes, a run of whitespace holding a line break becomes one space (string literals are kept as they are). What
     * is left can be put inside other SQL, where a kept {@code -- comment} would swallow the rest of its line (the
     * closing parenthesis of {@code coalesce(x, 1 -- one)}), and on one line of a message or of a comment in a
     * generated migration's header.
     */
    public static String inline(String sql) {
        if (sql == null) return null;
        if (!sql.contains("--") && !sql.contains("/*") && sql.indexOf('\n') < 0 && sql.indexOf('\r') < 0) return sql.strip();
        return rewrite(sql, t -> switch (t.kind()) {
            case COMMENT -> t.text().startsWith("--") ? "" : " ";
            case SPACE -> t.text().indexOf('\n') >= 0 || t.text().indexOf('\r') >= 0 ? " " : t.text();
            default -> t.text();
        }).strip();
    }

    /**
     * {@code sql} from its first to its last token, without the whitespace and comments around it: a statement that
     * ends in a {@code -- comment} (SQLite stores such text for an index or a view) would otherwise swallow the
     * semicolon put after it in a script.
     */
    public static String trimmed(String sql) {
        List<Token> t = Lexer.significant(sql);
        return t.isEmpty() ? "" : sql.substring(t.get(0).start(), t.get(t.size() - 1).end());
    }

    /** Removes liteshift's own hint comments ({@code -- @renamed ...}) so they are not stored in a database. */
    public static String withoutHints(String sql) {
        return rewrite(sql, t -> t.kind() == Token.Kind.COMMENT && t.text().contains("@renamed")
                ? (t.text().startsWith("--") ? "" : " ") : t.text()).replaceAll("[ \\t]+(\\r?\\n)", "$1");
    }

    private static String rewrite(String sql, Function<Token, String> f) {
        StringBuilder sb = new StringBuilder(sql.length());
        for (Token t : Lexer.tokenize(sql)) sb.append(f.apply(t));
        return sb.toString();
    }

    /** Joins significant tokens' source text with single spaces: a compact one-line form for messages. */
    public static String oneLine(String sql) {
        List<Token> toks = Lexer.significant(sql);
        StringBuilder sb = new StringBuilder();
        for (Token t : toks) {
            if (!sb.isEmpty() && !t.isPunct(",") && !t.isPunct(")") && !sb.toString().endsWith("(")) sb.append(' ');
            sb.append(t.text());
        }
        return sb.toString();
    }
}
