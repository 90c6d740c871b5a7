package io.liteshift;

import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.review.Step;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a migration's statements do, in words, for the review page: one step per statement, except that a table
 * rebuild (a new table created, the rows copied, the old one dropped, the new one renamed into its place, as
 * liteshift writes it and as the runbook's hand-written skeleton does) is one step that names the table and why.
 * Read from the text with SQLite's own splitting rules; a file that does not split has no steps (lint says why).
 */
final class ReviewSteps {
    private ReviewSteps() {
    }

    /**
     * @param plan the plan of the migration's effect, for why a table is rebuilt; null when it is not known
     */
    static List<Step> of(String sql, Plan plan) {
        List<Statement> statements;
        try {
            statements = Scripts.split(sql);
        } catch (SqlSyntaxException e) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            Optional<Integer> swap = rebuildEnd(statements, i);
            if (swap.isPresent()) {
                Statement last = statements.get(swap.get());
                String table = renamedTo(last.significant()).orElseThrow();
                String why = reasons(plan, table);
                steps.add(new Step(s.line(), lastLine(last), "rebuild " + table + ": " + why,
                        List.of(new Step.Rebuild(table, why))));
                i = swap.get();
            } else {
                steps.add(new Step(s.line(), lastLine(s), describe(s.significant()), List.of()));
            }
        }
        return steps;
    }

    private static int lastLine(Statement s) {
        return s.line() + (int) s.sql().chars().filter(c -> c == '\n').count();
    }

    /**
     * When statement {@code i} creates a table that a later statement renames over a table dropped in between, the
     * index of that rename: statements {@code i} to it are one rebuild.
     */
    private static Optional<Integer> rebuildEnd(List<Statement> statements, int i) {
        Optional<String> created = createdTable(statements.get(i).significant());
        if (created.isEmpty()) return Optional.empty();
        for (int j = i + 1; j < statements.size(); j++) {
            List<Token> sig = statements.get(j).significant();
            Optional<String> renamed = renamedTo(sig);
            if (renamed.isPresent() && Identifiers.same(sig.get(2).identifier(), created.get())) {
                return droppedBetween(statements, i, j, renamed.get()) ? Optional.of(j) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean droppedBetween(List<Statement> statements, int from, int to, String table) {
        for (int k = from + 1; k < to; k++) {
            List<Token> sig = statements.get(k).significant();
            if (sig.size() > 2 && sig.get(0).is("drop") && sig.get(1).is("table") && Identifiers.same(name(sig, 2), table)) return true;
        }
        return false;
    }

    /** The table of {@code CREATE TABLE name (...)}. */
    private static Optional<String> createdTable(List<Token> sig) {
        if (sig.size() < 3 || !sig.get(0).is("create")) return Optional.empty();
        int i = 1;
        if (sig.get(i).is("temp") || sig.get(i).is("temporary")) return Optional.empty();
        if (!sig.get(i).is("table")) return Optional.empty();
        return Optional.of(name(sig, i + 1));
    }

    /** The new name of {@code ALTER TABLE x RENAME TO name}. */
    private static Optional<String> renamedTo(List<Token> sig) {
        if (sig.size() < 6 || !sig.get(0).is("alter") || !sig.get(1).is("table") || !sig.get(3).is("rename") || !sig.get(4).is("to")) {
            return Optional.empty();
        }
        return Optional.of(sig.get(5).identifier());
    }

    private static String reasons(Plan plan, String table) {
        if (plan != null) {
            for (TableMapping m : plan.rebuilds()) {
                if (Identifiers.same(m.to().name(), table) && !m.reasons().isEmpty()) return String.join("; ", m.reasons());
            }
        }
        return "the migration copies it into a new table and swaps the names";
    }

    /** The name at {@code i}, after {@code IF [NOT] EXISTS}, without a schema ({@code main.t} is {@code t}). */
    private static String name(List<Token> sig, int i) {
        if (i < sig.size() && sig.get(i).is("if")) i += sig.size() > i + 1 && sig.get(i + 1).is("not") ? 3 : 2;
        if (i + 2 < sig.size() && sig.get(i + 1).isPunct(".")) i += 2;
        return i < sig.size() ? sig.get(i).identifier() : "";
    }

    /** One statement in words: "add column orders.note", "delete every row of settings". */
    static String describe(List<Token> sig) {
        Token first = sig.get(0);
        if (first.is("pragma")) return pragma(sig);
        if (first.is("begin")) return "start the migration's transaction: everything below commits together, or nothing does";
        if (first.is("commit") || first.is("end")) return "commit";
        if (first.is("create")) return create(sig);
        if (first.is("drop") && sig.size() > 2) return "drop " + sig.get(1).text().toLowerCase(Locale.ROOT) + " " + name(sig, 2);
        if (first.is("alter") && sig.size() > 4 && sig.get(1).is("table")) return alter(sig);
        if (first.is("insert") || first.is("replace")) return "insert rows into " + after(sig, "into");
        if (first.is("update")) return (hasWhere(sig) ? "update rows of " : "update every row of ") + name(sig, sig.size() > 2 && sig.get(1).is("or") ? 3 : 1);
        if (first.is("delete")) return (hasWhere(sig) ? "delete rows of " : "delete every row of ") + after(sig, "from");
        return "run " + first.text().toUpperCase(Locale.ROOT);
    }

    private static String pragma(List<Token> sig) {
        if (Statement.isPragma(sig, "foreign_keys")) {
            boolean on = sig.size() > 3 && (sig.get(sig.size() - 1).is("on") || sig.get(sig.size() - 1).text().equals("1"));
            return on ? "switch foreign key enforcement back on"
                    : "switch foreign key enforcement off for the migration (before its transaction, where SQLite honours it),"
                    + " so no ON DELETE action fires while tables are rebuilt";
        }
        if (Statement.isPragma(sig, "foreign_key_check")) return "check every foreign key before commit: a row that breaks one rolls the migration back";
        return "set PRAGMA " + (sig.size() > 1 ? sig.get(1).text() : "");
    }

    private static String create(List<Token> sig) {
        int i = 1;
        boolean unique = false;
        if (i < sig.size() && (sig.get(i).is("temp") || sig.get(i).is("temporary"))) i++;
        if (i < sig.size() && sig.get(i).is("unique")) {
            unique = true;
            i++;
        }
        if (i + 1 >= sig.size()) return "run CREATE";
        if (sig.get(i).is("virtual")) return "create virtual table " + name(sig, i + 2);
        String kind = sig.get(i).text().toLowerCase(Locale.ROOT);
        String what = (unique ? "unique " : "") + kind + " " + name(sig, i + 1);
        return "create " + (kind.equals("index") ? what + " on " + after(sig, "on") : what);
    }

    private static String alter(List<Token> sig) {
        String table = name(sig, 2);
        int i = 3;
        while (i < sig.size() && !(sig.get(i).is("rename") || sig.get(i).is("add") || sig.get(i).is("drop"))) i++;
        if (i + 1 >= sig.size()) return "alter table " + table;
        Token verb = sig.get(i);
        int column = sig.get(i + 1).is("column") ? i + 2 : i + 1;
        if (verb.is("rename") && sig.get(i + 1).is("to")) return "rename table " + table + " to " + sig.get(i + 2).identifier();
        if (column >= sig.size()) return "alter table " + table;
        String c = sig.get(column).identifier();
        if (verb.is("rename")) return "rename column " + table + "." + c + (column + 2 < sig.size() ? " to " + sig.get(column + 2).identifier() : "");
        if (verb.is("add")) return "add column " + table + "." + c;
        return "drop column " + table + "." + c;
    }

    /** The name after the first {@code keyword}. */
    private static String after(List<Token> sig, String keyword) {
        for (int i = 1; i + 1 < sig.size(); i++) if (sig.get(i).is(keyword)) return name(sig, i + 1);
        return "";
    }

    private static boolean hasWhere(List<Token> sig) {
        return sig.stream().anyMatch(t -> t.is("where"));
    }
}
