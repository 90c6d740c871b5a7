package io.liteshift.plan;

import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.Token;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Text surgery for rebuilds, done on tokens so quoting and comments survive; the online rebuild builds its shadow table with it too. */
public final class Rebuilds {
    private Rebuilds() {
    }

    /**
     * The CREATE TABLE statement with its table name (and any schema qualifier) replaced by {@code quotedName}.
     * Column references qualified with the table's own name ({@code CHECK ("users"."age" > 21)}) are qualified with
     * the new name too: SQLite resolves {@code t.col} only for the table's own name, so under the temporary name they
     * would be "no such column". The final {@code ALTER TABLE ... RENAME} turns them back (SQLite rewrites such
     * references when it renames a table, legacy_alter_table being off, as liteshift always runs it).
     */
    public static String renameCreateTable(String createSql, String quotedName) {
        List<Token> all = Lexer.tokenize(createSql);
        int[] sig = all.stream().filter(t -> !t.isTrivia()).mapToInt(all::indexOf).toArray();
        int i = 1; // after CREATE
        if (all.get(sig[i]).is("temp") || all.get(sig[i]).is("temporary")) i++;
        i++; // TABLE
        if (all.get(sig[i]).is("if")) i += 3;
        int nameFrom = sig[i];
        int nameTo = sig[i];
        if (i + 2 < sig.length && all.get(sig[i + 1]).isPunct(".")) nameTo = sig[i + 2];
        String table = all.get(nameTo).identifier();
        Set<Integer> qualifiers = ownQualifiers(all, sig, table, nameTo);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < all.size(); k++) {
            if (k == nameFrom || qualifiers.contains(k)) sb.append(quotedName);
            else if (k < nameFrom || k > nameTo) sb.append(all.get(k).text());
        }
        return sb.toString();
    }

    /**
     * Positions (in {@code all}) of the tokens after {@code after} that qualify a column with {@code table}:
     * {@code table . column}, but not {@code table . other . column}, where {@code table} names a schema.
     */
    private static Set<Integer> ownQualifiers(List<Token> all, int[] sig, String table, int after) {
        Set<Integer> out = new HashSet<>();
        for (int s = 0; s + 2 < sig.length; s++) {
            Token t = all.get(sig[s]);
            if (sig[s] <= after || !names(t) || !Identifiers.same(t.identifier(), table)) continue;
            boolean dotted = all.get(sig[s + 1]).isPunct(".") && names(all.get(sig[s + 2]));
            boolean schema = s + 3 < sig.length && all.get(sig[s + 3]).isPunct(".");
            if (dotted && !schema) out.add(sig[s]);
        }
        return out;
    }

    /** A token that can name a table in an expression ({@code nm} in SQLite's grammar: a name or a string). */
    private static boolean names(Token t) {
        return t.isIdentifier() || t.kind() == Token.Kind.STRING;
    }
}
