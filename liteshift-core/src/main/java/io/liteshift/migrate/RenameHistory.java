package io.liteshift.migrate;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.hints.RenameHints;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The renames a span of migrations made, so that going back over them renames back instead of dropping and
 * re-adding (which would lose the values). Generated migrations state their renames in header lines
 * ({@code -- liteshift:renamed ...}); in hand-written ones the {@code ALTER TABLE ... RENAME} statements are read.
 */
final class RenameHistory {
    static final String MARK = "-- liteshift:renamed ";

    private final Map<String, String> tableNow = new HashMap<>();               // folded name at the start -> name now
    private final Map<String, Map<String, String>> columnNow = new HashMap<>(); // folded start table -> folded start column -> name now

    private RenameHistory() {
    }

    static String tableLine(String from, String to) {
        return MARK + "table " + Identifiers.forceQuote(from) + " to " + Identifiers.forceQuote(to);
    }

    static String columnLine(String table, String from, String to) {
        return MARK + "column " + Identifiers.forceQuote(table) + "." + Identifiers.forceQuote(from) + " to " + Identifiers.forceQuote(to);
    }

    /** Hints that take the schema after the last of {@code span} back to the schema before the first. */
    static RenameHints backwards(List<Migration> span) {
        RenameHistory h = new RenameHistory();
        for (Migration m : span) {
            if (m.sql().contains(MARK)) h.readHeader(m.sql());
            else h.readStatements(m.sql());
        }
        return h.asHints();
    }

    /** Hints that take the schema before {@code m} to the schema after it: its renames, forwards. */
    static RenameHints forwards(Migration m) {
        RenameHistory h = new RenameHistory();
        if (m.sql().contains(MARK)) h.readHeader(m.sql());
        else h.readStatements(m.sql());
        Map<String, String> tables = new HashMap<>();
        h.tableNow.forEach((origin, now) -> {
            if (!Identifiers.same(origin, now)) tables.put(Identifiers.fold(now), origin);
        });
        Map<String, Map<String, String>> columns = new HashMap<>();
        h.columnNow.forEach((table, cols) -> {
            Map<String, String> fwd = new HashMap<>();
            cols.forEach((origin, now) -> {
                if (!Identifiers.same(origin, now)) fwd.put(Identifiers.fold(now), origin);
            });
            if (!fwd.isEmpty()) columns.put(Identifiers.fold(h.tableNow.getOrDefault(table, table)), fwd);
        });
        return new RenameHints(tables, columns);
    }

    private void readHeader(String sql) {
        for (String line : sql.split("\n")) {
            if (!line.startsWith(MARK)) continue;
            List<String> w = Lexer.significant(line.substring(MARK.length())).stream().filter(t -> !t.isPunct(".")).map(Token::identifier).toList();
            if (w.size() == 4 && w.get(0).equals("table")) renameTable(w.get(1), w.get(3));
            if (w.size() == 5 && w.get(0).equals("column")) renameColumn(w.get(1), w.get(2), w.get(4));
        }
    }

    private void readStatements(String sql) {
        for (Statement s : Scripts.split(sql)) {
            List<Token> t = s.significant();
            if (t.size() < 6 || !t.get(0).is("alter") || !t.get(1).is("table")) continue;
            int i = t.size() > 4 && t.get(3).isPunct(".") ? 4 : 2; // schema-qualified name
            String table = t.get(i).identifier();
            if (!t.get(i + 1).is("rename")) continue;
            List<Token> rest = t.subList(i + 2, t.size());
            if (rest.size() == 2 && rest.get(0).is("to")) renameTable(table, rest.get(1).identifier());
            else if (rest.size() >= 3) {
                int j = rest.get(0).is("column") ? 1 : 0;
                if (rest.size() == j + 3 && rest.get(j + 1).is("to")) renameColumn(table, rest.get(j).identifier(), rest.get(j + 2).identifier());
            }
        }
    }

    private void renameTable(String from, String to) {
        String origin = originOfTable(from);
        tableNow.put(origin, to);
    }

    private void renameColumn(String table, String from, String to) {
        Map<String, String> cols = columnNow.computeIfAbsent(originOfTable(table), k -> new HashMap<>());
        String origin = Identifiers.fold(from);
        for (Map.Entry<String, String> e : cols.entrySet()) {
            if (Identifiers.same(e.getValue(), from)) origin = e.getKey();
        }
        cols.put(origin, to);
    }

    private String originOfTable(String name) {
        for (Map.Entry<String, String> e : tableNow.entrySet()) {
            if (Identifiers.same(e.getValue(), name)) return e.getKey();
        }
        return Identifiers.fold(name);
    }

    /** Going back: the name at the start is the declared ("new") name, the name now is the current ("old") one. */
    private RenameHints asHints() {
        Map<String, String> tables = new HashMap<>();
        tableNow.forEach((origin, now) -> {
            if (!Identifiers.same(origin, now)) tables.put(origin, now);
        });
        Map<String, Map<String, String>> columns = new HashMap<>();
        columnNow.forEach((table, cols) -> {
            Map<String, String> back = new HashMap<>();
            cols.forEach((origin, now) -> {
                if (!Identifiers.same(origin, now)) back.put(origin, now);
            });
            if (!back.isEmpty()) columns.put(table, back);
        });
        return new RenameHints(tables, columns);
    }

    /** Renames in a plan's changes, as header lines. */
    static List<String> lines(List<Change> changes) {
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            if (!(c instanceof Change.AlterTable a)) continue;
            for (Alteration x : a.alterations()) {
                if (x instanceof Alteration.RenameTable r) out.add(tableLine(r.from(), r.to()));
            }
            for (Alteration x : a.alterations()) {
                if (x instanceof Alteration.RenameColumn r) out.add(columnLine(a.to().name(), r.from(), r.to()));
            }
        }
        return out;
    }
}
