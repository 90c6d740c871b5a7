package io.liteshift.inspect;

import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a declared schema may contain, decided from SQLite's tokens before anything runs: CREATE TABLE, INDEX,
 * VIEW, TRIGGER and VIRTUAL TABLE, on the main database. Comments and hints are trivia to the tokenizer, so no
 * spelling (case, comments between keywords, quoting) changes the verdict. The transaction lines and the
 * {@code PRAGMA foreign_keys} header of a {@code .dump} are skipped; everything else is refused, because a
 * schema file is evaluated even by commands that promise to change nothing ({@code push --dry-run}, {@code diff},
 * {@code generate}, {@code verify}). What {@code sqlite3 .schema} prints loads as it is: the {@code CREATE TABLE IF NOT
 * EXISTS} of an FTS table's shadow tables and SQLite's own {@code sqlite_sequence} and {@code sqlite_stat} tables are
 * skipped, since SQLite makes them itself.
 */
final class Declarations {

    /** What to do with one statement. */
    sealed interface Verdict permits Declare, Skip, Refuse {
    }

    /** Run it into the sandbox: it declares an object. */
    record Declare() implements Verdict {
    }

    /** Meaningless for a declaration (BEGIN/COMMIT of a .dump, an FTS shadow table the virtual table creates). */
    record Skip() implements Verdict {
    }

    /**
     * @param why  what is not allowed, why, and the fix: one sentence without its full stop
     * @param line the line of the offending token, or 0 for the statement's own line
     */
    record Refuse(String why, int line) implements Verdict {
        Refuse(String why) {
            this(why, 0);
        }
    }

    private static final Set<String> TRANSACTION = Set.of("begin", "commit", "end", "rollback", "savepoint", "release");
    private static final Set<String> SQLITE_OWN = Set.of("sqlite_sequence", "sqlite_stat1", "sqlite_stat4");
    private static final Set<String> TRIGGER_STEPS = Set.of("select", "insert", "update", "delete", "replace", "with", "values");

    /** Folded names declared so far, tables, views and indexes in one namespace (as SQLite keeps them), triggers in another. */
    private final Map<String, String> objects = new HashMap<>();
    private final Map<String, String> triggers = new HashMap<>();
    private final Set<String> virtualTables = new HashSet<>();

    /** The verdict on {@code s}, which stands at {@code where} ("schema.sql:12"); later statements see what it declared. */
    Verdict classify(Statement s, String where) {
        List<Token> sig = s.significant();
        Token first = sig.get(0);
        String loadExtension = loadExtensionCall(sig);
        if (loadExtension != null) return new Refuse(loadExtension);
        if (first.kind() == Token.Kind.WORD && TRANSACTION.contains(Identifiers.fold(first.text()))) return new Skip();
        if (isDumpForeignKeysHeader(sig)) return new Skip();
        if (!first.is("create")) return new Refuse(notADeclaration(first));
        return create(sig, where);
    }

    private Verdict create(List<Token> sig, String where) {
        int i = 1;
        if (at(sig, i, "temp") || at(sig, i, "temporary")) {
            return new Refuse("CREATE " + sig.get(i).text().toUpperCase(Locale.ROOT) + " is not allowed in a declared schema:"
                    + " a temporary object lives in the connection that creates it, never in the database file, so liteshift"
                    + " would silently ignore it. Remove " + sig.get(i).text().toUpperCase(Locale.ROOT));
        }
        if (at(sig, i, "unique")) i++;
        String kind;
        if (at(sig, i, "virtual") && at(sig, i + 1, "table")) {
            kind = "virtual table";
            i += 2;
        } else if (at(sig, i, "table") || at(sig, i, "index") || at(sig, i, "view") || at(sig, i, "trigger")) {
            kind = Identifiers.fold(sig.get(i).text());
            i++;
        } else {
            return new Refuse((i < sig.size() ? "CREATE " + sig.get(i).text().toUpperCase(Locale.ROOT) : "CREATE alone")
                    + " declares nothing SQLite knows. Write CREATE TABLE, INDEX, VIEW, TRIGGER or VIRTUAL TABLE");
        }
        boolean ifNotExists = at(sig, i, "if") && at(sig, i + 1, "not") && at(sig, i + 2, "exists");
        if (ifNotExists) i += 3;
        if (i >= sig.size()) return new Declare(); // incomplete: SQLite explains the syntax error
        if (i + 2 < sig.size() && sig.get(i + 1).isPunct(".")) {
            String schema = Identifiers.fold(sig.get(i).identifier());
            if (schema.equals("temp")) {
                return new Refuse(qualified(sig, i) + " is not allowed in a declared schema: a temp object lives in the"
                        + " connection that creates it, never in the database file, so liteshift would silently ignore it."
                        + " Remove the " + sig.get(i).text() + ". prefix");
            }
            if (!schema.equals("main")) {
                return new Refuse(qualified(sig, i) + " is not allowed in a declared schema: it names the database "
                        + sig.get(i).text() + ", but a declared schema describes one database, whose names are unqualified"
                        + " (or main.). Remove the " + sig.get(i).text() + ". prefix");
            }
            i += 2;
        }
        String name = Identifiers.fold(sig.get(i).identifier());
        // SQLite's own tables, which it makes itself (with an AUTOINCREMENT table, by ANALYZE): .schema prints them
        if (kind.equals("table") && SQLITE_OWN.contains(name)) return new Skip();
        if (kind.equals("trigger")) {
            Refuse step = triggerBodyStep(sig);
            if (step != null) return step;
        }
        Map<String, String> namespace = kind.equals("trigger") ? triggers : objects;
        String earlier = namespace.get(name);
        if (earlier != null && ifNotExists) {
            // the sqlite3 shell's .schema prints an FTS or R-Tree table's shadow tables so; its virtual table made them
            if (kind.equals("table") && isShadowOfDeclaredVirtualTable(name)) return new Skip();
            return new Refuse("a second declaration of " + sig.get(i).text() + " is not allowed in a declared schema: it is"
                    + " declared first at " + earlier + ", and with IF NOT EXISTS SQLite would skip this one silently, losing"
                    + " whatever it says differently. Keep one declaration");
        }
        namespace.putIfAbsent(name, where);
        if (kind.equals("virtual table")) virtualTables.add(name);
        return new Declare();
    }

    private boolean isShadowOfDeclaredVirtualTable(String name) {
        return virtualTables.stream().anyMatch(v -> name.startsWith(v + "_"));
    }

    /**
     * A trigger's body holds only SELECT, INSERT, UPDATE, DELETE (and WITH/REPLACE/VALUES forms); SQLite rejects
     * anything else there too, but with a bare "syntax error". The body is what follows the trigger's BEGIN.
     */
    private static Refuse triggerBodyStep(List<Token> sig) {
        int begin = -1;
        for (int i = 1; i < sig.size(); i++) {
            if (sig.get(i).is("begin") && !sig.get(i - 1).isPunct(".")) {
                begin = i;
                break;
            }
        }
        if (begin < 0) return null;
        boolean stepStart = true;
        int depth = 0;
        for (int i = begin + 1; i < sig.size() - 1; i++) { // the last token is the body's END
            Token t = sig.get(i);
            if (stepStart && t.kind() == Token.Kind.WORD && !TRIGGER_STEPS.contains(Identifiers.fold(t.text()))) {
                return new Refuse(t.text().toUpperCase(Locale.ROOT) + " inside a trigger body is not allowed: a trigger"
                        + " may only SELECT, INSERT, UPDATE or DELETE (SQLite refuses anything else there too)", t.line());
            }
            stepStart = false;
            if (t.isPunct("(")) depth++;
            else if (t.isPunct(")")) depth--;
            else if (depth == 0 && t.isPunct(";")) stepStart = true;
        }
        return null;
    }

    /** Why {@code load_extension} may not appear, or null when it does not: it would load native code from a file. */
    private static String loadExtensionCall(List<Token> sig) {
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            boolean named = (t.isIdentifier() || t.kind() == Token.Kind.STRING) && Identifiers.same(t.identifier(), "load_extension");
            boolean called = i + 1 < sig.size() && sig.get(i + 1).isPunct("(");
            if (named && (t.isIdentifier() || called)) {
                return "load_extension() is not allowed in a declared schema: it loads native code from a file. Remove it"
                        + " (the virtual table modules built into liteshift's SQLite, such as fts5 and rtree, need no loading)";
            }
        }
        return null;
    }

    /** {@code PRAGMA foreign_keys=OFF;}, the first line of every {@code .dump}: a connection setting, harmless unrun. */
    private static boolean isDumpForeignKeysHeader(List<Token> sig) {
        return sig.size() == 4 && sig.get(0).is("pragma") && sig.get(1).is("foreign_keys") && sig.get(2).isPunct("=")
                && (sig.get(3).kind() == Token.Kind.WORD || sig.get(3).kind() == Token.Kind.NUMBER);
    }

    private static String notADeclaration(Token first) {
        String word = first.kind() == Token.Kind.WORD ? first.text().toUpperCase(Locale.ROOT) : "'" + first.text() + "'";
        String why = switch (Identifiers.fold(first.text())) {
            case "attach", "detach" -> "it would open (or close) another database file, and liteshift evaluates a schema"
                    + " file even for push --dry-run, diff, generate and verify. A declared schema describes one database";
            case "vacuum" -> "VACUUM rewrites a database (VACUUM INTO writes a new file). A declared schema only declares";
            case "pragma" -> "a PRAGMA changes a setting, and a declared schema only declares. Set connection settings"
                    + " where the application opens its connections, and file settings (journal_mode) once, by hand";
            case "insert", "update", "delete", "replace", "select", "with", "values" -> "a declared schema holds"
                    + " declarations, not rows or queries: it is evaluated, never applied as written. Put data changes in a"
                    + " migration (liteshift new) or a seed file";
            case "alter", "drop" -> "a declared schema states the end result: write each object as it should be and"
                    + " liteshift works out the ALTER or DROP (to keep a column's values under a new name, add a rename hint)";
            case "analyze", "reindex" -> word + " maintains a database; a declared schema only declares";
            default -> "it is not a declaration";
        };
        return word + " is not allowed in a declared schema: " + why;
    }

    /** {@code p.t} as written. */
    private static String qualified(List<Token> sig, int schema) {
        return sig.get(schema).text() + "." + sig.get(schema + 2).text();
    }

    private static boolean at(List<Token> sig, int i, String word) {
        return i < sig.size() && sig.get(i).is(word);
    }
}
