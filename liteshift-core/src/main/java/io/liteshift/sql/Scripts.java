package io.liteshift.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a script into statements with SQLite's own rule (sqlite3_complete): a semicolon ends a statement,
 * except inside a CREATE TRIGGER, whose body ends only at "; END ;".
 */
public final class Scripts {

    private Scripts() {
    }

    public static List<Statement> split(String script) {
        List<Token> tokens = Lexer.tokenize(script);
        List<Statement> out = new ArrayList<>();
        List<Token> leading = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        boolean inTrigger = false;
        Token prev = null;      // previous significant token of the current statement
        Token prevPrev = null;  // and the one before it
        int significant = 0;    // significant tokens so far in the current statement
        for (Token t : tokens) {
            if (current.isEmpty() && t.isTrivia()) {
                if (t.kind() == Token.Kind.COMMENT) leading.add(t);
                continue;
            }
            if (current.isEmpty() && t.isPunct(";")) continue; // empty statement
            if (t.isPunct(";")) {
                boolean endsTrigger = prev != null && prev.is("end") && prevPrev != null && prevPrev.isPunct(";");
                if (!inTrigger || endsTrigger) {
                    out.add(build(leading, current));
                    leading = new ArrayList<>();
                    current = new ArrayList<>();
                    inTrigger = false;
                    prev = prevPrev = null;
                    significant = 0;
                    continue;
                }
            }
            current.add(t);
            if (!t.isTrivia()) {
                prevPrev = prev;
                prev = t;
                // only the first three words can make a CREATE [TEMP] TRIGGER
                if (++significant <= 3 && !inTrigger && isTriggerStart(current)) inTrigger = true;
            }
        }
        if (current.stream().anyMatch(t -> !t.isTrivia())) out.add(build(leading, current));
        return out;
    }

    private static boolean isTriggerStart(List<Token> stmt) {
        List<Token> sig = stmt.stream().filter(t -> !t.isTrivia()).limit(3).toList();
        if (sig.size() < 2 || !sig.get(0).is("create")) return false;
        if (sig.get(1).is("trigger")) return true;
        return sig.size() == 3 && (sig.get(1).is("temp") || sig.get(1).is("temporary")) && sig.get(2).is("trigger");
    }

    private static Statement build(List<Token> leading, List<Token> tokens) {
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).isTrivia()) last--;
        List<Token> body = List.copyOf(tokens.subList(0, last + 1));
        StringBuilder sb = new StringBuilder();
        for (Token t : body) sb.append(t.text());
        return new Statement(sb.toString(), body.get(0).line(), List.copyOf(leading), body);
    }
}
