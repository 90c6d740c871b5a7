package io.liteshift.sql;

import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the parts of one CREATE TABLE statement stand in its file: the lines of its head (up to the opening
 * parenthesis), of each column definition, and of each REFERENCES clause. Only positions, for messages and rename
 * hints; what the parts mean is read by the inspector's CREATE TABLE parser from the text SQLite stores.
 *
 * @param table      the table's name as written
 * @param headLines  the lines holding {@code CREATE TABLE name (}
 * @param columns    the column definitions, in order
 * @param references the foreign keys' REFERENCES clauses, in order
 */
public record TableLayout(String table, Set<Integer> headLines, List<ColumnLines> columns, List<Reference> references) {

    /** @param lines every line one of the definition's tokens stands on */
    public record ColumnLines(String name, Set<Integer> lines) {
    }

    /** @param columns the child columns (folded): {@code FOREIGN KEY (a, b)}, or the column it stands in */
    public record Reference(List<String> columns, String parent, int line) {
    }

    private static final Set<String> CONSTRAINT_STARTS = Set.of("constraint", "primary", "unique", "check", "foreign");

    /** The layout of {@code s} when it is a CREATE TABLE (not a virtual one). */
    public static Optional<TableLayout> of(Statement s) {
        List<Token> sig = s.significant();
        int i = 1;
        if (at(sig, i, "temp") || at(sig, i, "temporary")) i++;
        if (!sig.get(0).is("create") || !at(sig, i, "table")) return Optional.empty();
        i++;
        if (at(sig, i, "if")) i += 3;
        if (i + 1 < sig.size() && sig.get(i + 1).isPunct(".")) i += 2;
        if (i >= sig.size()) return Optional.empty();
        String name = sig.get(i).identifier();
        Set<Integer> head = new TreeSet<>();
        for (int h = 0; h <= i; h++) addLines(head, sig.get(h));
        List<ColumnLines> columns = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        int open = i + 1;
        if (open < sig.size() && sig.get(open).isPunct("(")) {
            addLines(head, sig.get(open));
            readBody(sig, open, columns, references);
        }
        return Optional.of(new TableLayout(name, head, List.copyOf(columns), List.copyOf(references)));
    }

    /** The body's elements, split at the commas between them: column definitions, and table constraints. */
    private static void readBody(List<Token> sig, int open, List<ColumnLines> columns, List<Reference> references) {
        int depth = 0;
        int elementStart = open + 1;
        ColumnLines column = null;
        for (int i = open; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.isPunct("(")) depth++;
            if (t.isPunct(")") && --depth == 0) return;
            if (depth == 1 && t.isPunct(",")) {
                elementStart = i + 1;
                column = null;
                continue;
            }
            if (i == elementStart && depth == 1) {
                boolean constraint = t.kind() == Token.Kind.WORD && CONSTRAINT_STARTS.contains(Identifiers.fold(t.text()));
                if (!constraint) {
                    column = new ColumnLines(t.identifier(), new TreeSet<>());
                    columns.add(column);
                }
            }
            if (column != null) addLines(column.lines(), t);
            if (depth == 1 && t.is("references") && i + 1 < sig.size()) {
                List<String> children = column != null ? List.of(Identifiers.fold(column.name())) : foreignKeyColumns(sig, i);
                references.add(new Reference(children, sig.get(i + 1).identifier(), t.line()));
            }
        }
    }

    /** The columns of {@code FOREIGN KEY (a, b)} just before the REFERENCES at {@code ref}. */
    private static List<String> foreignKeyColumns(List<Token> sig, int ref) {
        int close = ref - 1;
        if (close < 0 || !sig.get(close).isPunct(")")) return List.of();
        List<String> out = new ArrayList<>();
        int i = close - 1;
        for (; i >= 0 && !sig.get(i).isPunct("("); i--) {
            if (sig.get(i).isIdentifier()) out.add(0, Identifiers.fold(sig.get(i).identifier()));
        }
        return out;
    }

    /** The line of the REFERENCES clause of the foreign key from {@code columns} to {@code parent}, if it is here. */
    public Optional<Integer> referenceLine(List<String> columns, String parent) {
        List<String> folded = columns.stream().map(Identifiers::fold).toList();
        return references.stream().filter(r -> Identifiers.same(r.parent(), parent) && r.columns().equals(folded))
                .map(Reference::line).findFirst();
    }

    private static void addLines(Set<Integer> lines, Token t) {
        int newlines = (int) t.text().chars().filter(c -> c == '\n').count();
        for (int l = t.line(); l <= t.line() + newlines; l++) lines.add(l);
    }

    private static boolean at(List<Token> sig, int i, String word) {
        return i < sig.size() && sig.get(i).is(word);
    }
}
