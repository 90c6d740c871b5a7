package io.liteshift.online;

import io.liteshift.schema.Column;
import io.liteshift.schema.Index;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The key of a declared index as columns of the current table that the copy carries over unchanged: each key part a
 * plain column, stored (not generated), not the rowid, copied as the bare column with the same affinity, so
 * that every row has the same key values in the table and in its copy. The indexes the rebuild does not build row by
 * row ({@link ReusedIndex}, {@link SortedIndex}) start from such a key.
 *
 * @param from       the current table's columns, in key order
 * @param to         the declared table's columns, in key order
 * @param collations the key's collations (the index's, else the declared column's, else BINARY), upper case
 * @param descending the key parts in descending order
 */
record CopiedKey(List<Column> from, List<Column> to, List<String> collations, List<Boolean> descending) {
    CopiedKey {
        from = List.copyOf(from);
        to = List.copyOf(to);
        collations = List.copyOf(collations);
        descending = List.copyOf(descending);
    }

    boolean ascending() {
        return !descending.contains(true);
    }

    static Optional<CopiedKey> of(Target t, Index declared) {
        if (declared.keys().isEmpty()) return Optional.empty();
        List<Column> from = new ArrayList<>();
        List<Column> to = new ArrayList<>();
        List<String> collations = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (IndexedColumn k : declared.keys()) {
            if (!k.isColumn()) return Optional.empty();
            Column target = t.to().column(k.expression()).orElse(null);
            if (target == null || target.isGenerated() || t.to().rowidAlias().map(a -> Identifiers.same(a.name(), target.name())).orElse(false)) {
                return Optional.empty();
            }
            Column source = copiedFrom(t, target).orElse(null);
            if (source == null) return Optional.empty();
            from.add(source);
            to.add(target);
            collations.add(collation(k.collation() != null ? k.collation() : target.collation()));
            descending.add(k.descending());
        }
        return Optional.of(new CopiedKey(from, to, collations, descending));
    }

    /**
     * The partial indexes' conditions select the same rows in the table and in its copy: both absent, or the same text
     * (up to case, spacing and comments) that reads only columns the copy carries over unchanged.
     */
    static boolean sameWhere(Target t, String declared, String current) {
        if (declared == null || current == null) return declared == null && current == null;
        List<String> a = Lexer.significant(declared).stream().map(CopiedKey::folded).toList();
        List<String> b = Lexer.significant(current).stream().map(CopiedKey::folded).toList();
        if (!a.equals(b)) return false;
        List<String> changed = new ArrayList<>();
        for (Column c : t.from().columns()) {
            // the same name on both sides, the one a copy of the other
            boolean kept = t.to().column(c.name()).flatMap(to -> copiedFrom(t, to)).map(c::equals).orElse(false);
            if (!kept) changed.add(Identifiers.fold(c.name()));
        }
        return !SqlText.mentions(current, changed);
    }

    /** The current table's column that {@code target} copies unchanged: as the bare column, both stored, the same affinity. */
    private static Optional<Column> copiedFrom(Target t, Column target) {
        if (target.isGenerated()) return Optional.empty();
        String expr = t.mapping().values().get(Identifiers.fold(target.name()));
        return t.from().columns().stream().filter(sc -> Identifiers.quote(sc.name()).equals(expr)).findFirst()
                .filter(sc -> !sc.isGenerated() && sc.affinity().equals(target.affinity()));
    }

    private static String folded(Token tok) {
        return tok.isIdentifier() ? Identifiers.fold(tok.identifier()) : tok.text().toUpperCase(Locale.ROOT);
    }

    static String collation(String c) {
        return c == null ? "BINARY" : c.toUpperCase(Locale.ROOT);
    }

    /** {@code index} (of the current table) has exactly this key: the same columns, directions and collations. */
    boolean isKeyOf(Index index) {
        if (index.keys().size() != from.size()) return false;
        for (int j = 0; j < from.size(); j++) {
            IndexedColumn k = index.keys().get(j);
            if (!k.isColumn() || k.descending() != descending.get(j) || !Identifiers.same(k.expression(), from.get(j).name())) return false;
            String c = collation(k.collation() != null ? k.collation() : from.get(j).collation());
            if (!c.equals(collations.get(j))) return false;
        }
        return true;
    }
}
