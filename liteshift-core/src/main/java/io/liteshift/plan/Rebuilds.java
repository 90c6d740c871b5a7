package io.liteshift.plan;

import io.liteshift.sql.Lexer;
import io.liteshift.sql.Token;

import java.util.List;

/** Text surgery for rebuilds, done on tokens so quoting and comments survive. */
final class Rebuilds {
    private Rebuilds() {
    }

    /** The CREATE TABLE statement with its table name (and any schema qualifier) replaced by {@code quotedName}. */
    static String renameCreateTable(String createSql, String quotedName) {
        List<Token> all = Lexer.tokenize(createSql);
        int[] sig = all.stream().filter(t -> !t.isTrivia()).mapToInt(all::indexOf).toArray();
        int i = 1; // after CREATE
        if (all.get(sig[i]).is("temp") || all.get(sig[i]).is("temporary")) i++;
        i++; // TABLE
        if (all.get(sig[i]).is("if")) i += 3;
        int nameFrom = sig[i];
        int nameTo = sig[i];
        if (i + 2 < sig.length && all.get(sig[i + 1]).isPunct(".")) nameTo = sig[i + 2];
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < all.size(); k++) {
            if (k == nameFrom) sb.append(quotedName);
            else if (k < nameFrom || k > nameTo) sb.append(all.get(k).text());
        }
        return sb.toString();
    }
}
