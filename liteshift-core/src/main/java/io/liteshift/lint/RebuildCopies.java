package io.liteshift.lint;

import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-written rebuild fills the new table with {@code INSERT INTO new [(columns)] SELECT expressions FROM old} and
 * then renames {@code new} to {@code old}. The rows then hold what those expressions give, which is what the declared
 * constraints meet: a backfill written into the copy, such as {@code coalesce(slug, lower(title))} for a new NOT NULL
 * column, is counted as the rows will really be, not as the plan would fill them (it knows only the columns the two
 * schemas share). A copy liteshift cannot read for sure (a {@code *}, a join, a WHERE, DISTINCT) keeps the plan's
 * mapping.
 */
final class RebuildCopies {
    private RebuildCopies() {
    }

    /**
     * @param db the database the counts will be made on; a copy whose SELECT does not run on its table there (it reads
     *           a column an earlier statement of the file renamed, say) keeps the plan's mapping. Null: no counts.
     */
    static Plan apply(Plan plan, List<Statement> statements, Connection db) {
        if (db == null) return plan;
        Map<String, String> renamedTo = new HashMap<>(); // folded new -> folded old
        for (Statement s : statements) {
            List<Token> t = s.significant();
            if (t.size() == 6 && t.get(0).is("alter") && t.get(1).is("table") && t.get(3).is("rename") && t.get(4).is("to")) {
                renamedTo.put(Identifiers.fold(t.get(2).identifier()), Identifiers.fold(t.get(5).identifier()));
            }
        }
        if (renamedTo.isEmpty()) return plan;
        List<TableMapping> mappings = new ArrayList<>();
        boolean changed = false;
        for (TableMapping m : plan.mappings()) {
            Map<String, String> found = copied(m, statements, renamedTo);
            Map<String, String> copied = found != null && runs(db, m, found) ? found : null;
            if (copied == null) {
                mappings.add(m);
                continue;
            }
            Map<String, String> values = new HashMap<>(m.values());
            values.putAll(copied);
            List<Column> backfills = m.backfills().stream().filter(b -> !copied.containsKey(Identifiers.fold(b.name()))).toList();
            mappings.add(new TableMapping(m.from(), m.to(), values, m.rebuilt(), m.reasons(), backfills));
            changed = true;
        }
        return changed ? new Plan(plan.changes(), plan.steps(), mappings) : plan;
    }

    /** True when the copy's expressions run on the table as it is now (before the file). */
    private static boolean runs(Connection db, TableMapping m, Map<String, String> copied) {
        String select = "SELECT " + String.join(", ", copied.values()) + " FROM " + Identifiers.quote(m.from().name()) + " LIMIT 0";
        try (PreparedStatement ps = db.prepareStatement(select)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The values the file's last copy from {@code m}'s table into the table renamed to it gives; null when there is none. */
    private static Map<String, String> copied(TableMapping m, List<Statement> statements, Map<String, String> renamedTo) {
        Map<String, String> copied = null;
        boolean altered = false; // after an ALTER TABLE of the source, its columns are no longer those the counts read
        for (Statement s : statements) {
            List<Token> t = s.significant();
            if (t.size() > 2 && t.get(0).is("alter") && t.get(1).is("table") && Identifiers.same(t.get(2).identifier(), m.from().name())) {
                altered = true;
            }
            Copy c = Copy.parse(s);
            if (c != null && Identifiers.same(c.from(), m.from().name())
                    && Identifiers.fold(m.to().name()).equals(renamedTo.get(Identifiers.fold(c.into())))) {
                copied = altered ? null : c.values(m);
            }
        }
        return copied;
    }

    /** {@code INSERT INTO into [(columns)] SELECT expressions FROM from}, nothing after it. */
    private static final Set<String> LITERALS = Set.of("null", "true", "false", "current_time", "current_date",
            "current_timestamp");

    private record Copy(String into, List<String> columns, List<String> expressions, String from) {

        static Copy parse(Statement s) {
            List<Token> all = s.tokens();
            List<Token> sig = s.significant();
            if (sig.size() < 6 || !sig.get(0).is("insert") || !sig.get(1).is("into") || !sig.get(2).isIdentifier()) return null;
            int i = 3;
            List<String> columns = new ArrayList<>();
            if (sig.get(i).isPunct("(")) {
                for (i++; i < sig.size() && !sig.get(i).isPunct(")"); i++) {
                    if (sig.get(i).isIdentifier()) columns.add(sig.get(i).identifier());
                    else if (!sig.get(i).isPunct(",")) return null;
                }
                i++;
            }
            if (i >= sig.size() || !sig.get(i).is("select")) return null;
            if (i + 1 < sig.size() && (sig.get(i + 1).is("distinct") || sig.get(i + 1).is("all"))) return null;
            // the select list, cut at top-level commas, up to the top-level FROM; the text of each part, trivia included
            List<String> expressions = new ArrayList<>();
            List<List<Token>> parts = new ArrayList<>();
            List<Token> partTokens = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            int depth = 0;
            int at = all.indexOf(sig.get(i)) + 1;
            int fromAt = -1;
            for (; at < all.size(); at++) {
                Token t = all.get(at);
                if (t.isPunct("(")) depth++;
                if (t.isPunct(")")) depth--;
                if (depth == 0 && t.is("from")) {
                    fromAt = at;
                    break;
                }
                if (depth == 0 && t.isPunct(",")) {
                    expressions.add(part.toString().strip());
                    parts.add(partTokens);
                    part.setLength(0);
                    partTokens = new ArrayList<>();
                } else {
                    part.append(t.kind() == Token.Kind.COMMENT ? " " : t.text());
                    if (!t.isTrivia()) partTokens.add(t);
                }
            }
            expressions.add(part.toString().strip());
            parts.add(partTokens);
            if (fromAt < 0 || expressions.stream().anyMatch(e -> e.isEmpty() || e.equals("*") || e.endsWith(".*"))) return null;
            List<Token> rest = all.subList(fromAt + 1, all.size()).stream().filter(t -> !t.isTrivia()).toList();
            if (rest.size() != 1 || !rest.get(0).isIdentifier()) return null; // an alias, a join or a WHERE: not a plain copy
            String from = rest.get(0).identifier();
            for (int k = 0; k < parts.size(); k++) expressions.set(k, asColumn(parts.get(k), from).orElse("(" + expressions.get(k) + ")"));
            return new Copy(sig.get(2).identifier(), columns, expressions, from);
        }

        /** A plain column of the old table ({@code c}, {@code "c"}, {@code old.c}), written as the plan writes one. */
        private static Optional<String> asColumn(List<Token> t, String from) {
            if (t.size() == 1 && t.get(0).kind() == Token.Kind.WORD && LITERALS.contains(t.get(0).text().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            if (t.size() == 1 && t.get(0).isIdentifier()) return Optional.of(Identifiers.quote(t.get(0).identifier()));
            if (t.size() == 3 && t.get(1).isPunct(".") && t.get(2).isIdentifier() && Identifiers.same(t.get(0).identifier(), from)) {
                return Optional.of(Identifiers.quote(t.get(2).identifier()));
            }
            return Optional.empty();
        }

        private static boolean same(String planned, String copied) {
            String c = copied.startsWith("(") && copied.endsWith(")") ? copied.substring(1, copied.length() - 1) : copied;
            return SqlText.canonicalExpression(planned).equals(SqlText.canonicalExpression(c));
        }

        /** Folded declared column -> the expression that fills it; null when the copy does not fit the declared table. */
        Map<String, String> values(TableMapping m) {
            List<String> names = columns;
            if (names.isEmpty()) names = m.to().columns().stream().filter(c -> !c.isGenerated()).map(Column::name).toList();
            if (names.size() != expressions.size()) return null;
            Map<String, String> out = new HashMap<>();
            for (int k = 0; k < names.size(); k++) {
                if (m.to().column(names.get(k)).isEmpty()) return null;
                String key = Identifiers.fold(names.get(k));
                String planned = m.values().get(key);
                // the plan's own expression (a generated copy, its backfills included) stays as the plan knows it
                if (planned != null && same(planned, expressions.get(k))) continue;
                out.put(key, expressions.get(k));
            }
            return out;
        }
    }
}
