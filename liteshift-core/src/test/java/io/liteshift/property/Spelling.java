package io.liteshift.property;

import java.util.Locale;

/**
 * How a scenario's DDL is written, apart from what it declares: names in double quotes, backticks or [brackets];
 * column references in CHECKs (and partial indexes' WHERE) qualified with the table's name or in flipped ASCII
 * case; comments inside constraint text (a line comment before the closing parenthesis of a CHECK, a generated
 * column or a DEFAULT, block comments elsewhere); table constraints without commas between them (drizzle-kit's
 * style); lower-case keywords. SQLite reads every spelling the same way, so the engine must too, wherever it
 * re-uses the text (data checks, copies, rebuilds under a temporary name, snapshots).
 *
 * @param quotes 0 bare where possible else "double", 1 `backticks`, 2 [brackets], 3 always "double"
 */
record Spelling(int quotes, boolean qualified, boolean flippedCase, boolean comments, boolean noCommas, boolean lowerKeywords,
                boolean oneLine) {

    static final Spelling PLAIN = new Spelling(0, false, false, false, false, false, false);

    /** Plain for a good part of the scenarios (what the other generators aim at), else each decoration by chance. */
    static Spelling of(Choices c) {
        if (!c.flag(60)) return PLAIN;
        return new Spelling(c.pick(4), c.flag(50), c.flag(40), c.flag(60), c.flag(50), c.flag(30), false);
    }

    /** A name as a declaration writes it. */
    String name(String n) {
        return switch (quotes) {
            case 1 -> '`' + n.replace("`", "``") + '`';
            case 2 -> n.contains("]") ? Sql.quoted(n) : '[' + n + ']';
            case 3 -> Sql.quoted(n);
            default -> Sql.name(n);
        };
    }

    /** A reference to a column in an expression: the same name to SQLite, in flipped ASCII case when asked. */
    String reference(String n) {
        if (!flippedCase) return name(n);
        StringBuilder sb = new StringBuilder(n.length());
        for (char ch : n.toCharArray()) {
            sb.append(ch >= 'a' && ch <= 'z' ? (char) (ch - 32) : ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return name(sb.toString());
    }

    /** A column in a CHECK or a partial index's WHERE, qualified with its table's name when asked. */
    String column(String table, String column) {
        return qualified ? reference(table) + "." + reference(column) : reference(column);
    }

    String keyword(String k) {
        return lowerKeywords ? k.toLowerCase(Locale.ROOT) : k;
    }

    /** A line comment ending the line, so what follows (a closing parenthesis) starts the next one. */
    String lineComment(String what) {
        return comments && !oneLine ? " -- " + what + "\n" : "";
    }

    String blockComment(String what) {
        return comments ? " /* " + what + " */" : "";
    }

    /**
     * The same without line comments: a column with a rename hint keeps the hint on the line where its definition
     * starts and ends (its block comments stay: PRAGMA reports a DEFAULT's text as written, in A as in B).
     */
    Spelling onOneLine() {
        return new Spelling(quotes, qualified, flippedCase, comments, noCommas, lowerKeywords, true);
    }

    /** {@code (expr)} with a line comment before its closing parenthesis when comments are on. */
    String parenthesized(String expr, String what) {
        return "(" + expr + lineComment(what) + ")";
    }
}
