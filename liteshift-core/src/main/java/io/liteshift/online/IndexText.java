package io.liteshift.online;

import io.liteshift.sql.Lexer;
import io.liteshift.sql.Token;

import java.util.List;

/**
 * CREATE INDEX text with its index and table names replaced, on tokens so quoting, comments and the key expressions
 * survive: SQLite cannot rename an index, so the shadow's indexes are built under temporary names and get their
 * declared names (and texts) at the swap.
 */
final class IndexText {
    private IndexText() {
    }

    /** {@code sql} (a CREATE [UNIQUE] INDEX statement) naming {@code quotedIndex} on {@code quotedTable}. */
    static String renamed(String sql, String quotedIndex, String quotedTable) {
        List<Token> all = Lexer.tokenize(sql);
        int[] sig = all.stream().filter(t -> !t.isTrivia()).mapToInt(all::indexOf).toArray();
        int i = 0;
        while (!all.get(sig[i]).is("index")) i++;
        i++;
        if (all.get(sig[i]).is("if")) i += 3; // IF NOT EXISTS
        int nameFrom = sig[i];
        if (all.get(sig[i + 1]).isPunct(".")) i += 2; // schema.name
        int nameTo = sig[i];
        i++; // ON
        int tableFrom = sig[i + 1];
        int tableTo = i + 2 < sig.length && all.get(sig[i + 2]).isPunct(".") ? sig[i + 3] : tableFrom;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < all.size(); k++) {
            if (k == nameFrom) sb.append(quotedIndex);
            else if (k == tableFrom) sb.append(quotedTable);
            else if ((k > nameFrom && k <= nameTo) || (k > tableFrom && k <= tableTo)) continue;
            else sb.append(all.get(k).text());
        }
        return sb.toString();
    }

    /**
     * The text SQLite keeps in sqlite_schema for {@code sql}: "CREATE [UNIQUE] INDEX " and the statement from the
     * index's name on (IF NOT EXISTS, a schema qualifier and a final semicolon left out), as sqlite3CreateIndex writes it.
     */
    static String stored(String sql, boolean unique) {
        List<Token> all = Lexer.tokenize(sql);
        List<Token> sig = all.stream().filter(t -> !t.isTrivia()).toList();
        int i = 0;
        while (!sig.get(i).is("index")) i++;
        i++;
        if (sig.get(i).is("if")) i += 3;
        if (sig.get(i + 1).isPunct(".")) i += 2;
        Token last = sig.get(sig.size() - 1);
        String rest = sql.substring(sig.get(i).start(), last.end());
        if (rest.endsWith(";")) rest = rest.substring(0, rest.length() - 1);
        return "CREATE" + (unique ? " UNIQUE" : "") + " INDEX " + rest;
    }
}
