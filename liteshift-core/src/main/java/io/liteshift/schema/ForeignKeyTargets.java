package io.liteshift.schema;

import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether every foreign key of a declared schema points at something SQLite can use as a parent key. SQLite
 * accepts a FOREIGN KEY to anything when the table is created, then fails every later write to the child with
 * "no such table" or "foreign key mismatch"; a declared schema is checked up front instead. The schema file
 * path and the Java DSL both ask here, and each says the fix in its own terms.
 */
public final class ForeignKeyTargets {

    private ForeignKeyTargets() {
    }

    /** What is wrong with one foreign key's target. */
    public sealed interface Problem permits MissingTable, NoPrimaryKey, MissingColumns, ColumnCountDiffers, NotUnique {
        Table child();

        ForeignKey key();

        /** What is wrong, to follow "table t, foreign key (a)": "references table x, which is not declared". */
        String describe();
    }

    /** @param notATable what the name is instead ("view", "virtual table"), or null when nothing has it */
    public record MissingTable(Table child, ForeignKey key, String notATable) implements Problem {
        public String describe() {
            return "references table " + key.refTable() + ", which is not declared"
                    + (notATable != null ? " (it is a " + notATable + ", and a foreign key needs a table)" : "");
        }
    }

    public record NoPrimaryKey(Table child, ForeignKey key, Table parent) implements Problem {
        public String describe() {
            return "references the primary key of " + parent.name() + ", which has none";
        }
    }

    public record MissingColumns(Table child, ForeignKey key, Table parent, List<String> parentKey, List<String> missing)
            implements Problem {
        public String describe() {
            return "references " + parent.name() + "(" + String.join(", ", parentKey) + "), but " + parent.name()
                    + " has no column " + String.join(", ", missing);
        }
    }

    public record ColumnCountDiffers(Table child, ForeignKey key, Table parent, List<String> parentKey) implements Problem {
        public String describe() {
            return "has " + key.columns().size() + " column(s) but references " + parentKey.size() + " (" + parent.name()
                    + "(" + String.join(", ", parentKey) + "))";
        }
    }

    public record NotUnique(Table child, ForeignKey key, Table parent, List<String> parentKey) implements Problem {
        public String describe() {
            return "references " + parent.name() + "(" + String.join(", ", parentKey) + "), which is neither the primary key"
                    + " of " + parent.name() + " nor UNIQUE: SQLite would fail every write to " + child.name()
                    + " with 'foreign key mismatch'";
        }
    }

    /** Every problem of every foreign key in {@code schema}, table by table. */
    public static List<Problem> of(Schema schema) {
        List<Problem> out = new ArrayList<>();
        for (Table child : schema.tables()) {
            for (ForeignKey fk : child.foreignKeys()) check(schema, child, fk).ifPresent(out::add);
        }
        return out;
    }

    /** The problem of {@code fk}, a foreign key of {@code child}, if its target is not a usable parent key. */
    public static Optional<Problem> check(Schema schema, Table child, ForeignKey fk) {
        Optional<Table> found = schema.table(fk.refTable());
        if (found.isEmpty()) {
            String notATable = schema.view(fk.refTable()).isPresent() ? "view"
                    : schema.virtualTables().stream().anyMatch(v -> Identifiers.same(v.name(), fk.refTable())) ? "virtual table" : null;
            return Optional.of(new MissingTable(child, fk, notATable));
        }
        Table parent = found.get();
        List<String> parentKey = fk.refColumns().isEmpty() ? primaryKeyOf(parent) : fk.refColumns();
        if (fk.refColumns().isEmpty() && parentKey.isEmpty()) return Optional.of(new NoPrimaryKey(child, fk, parent));
        List<String> missing = parentKey.stream().filter(c -> parent.column(c).isEmpty()).toList();
        if (!missing.isEmpty()) return Optional.of(new MissingColumns(child, fk, parent, parentKey, missing));
        if (parentKey.size() != fk.columns().size()) return Optional.of(new ColumnCountDiffers(child, fk, parent, parentKey));
        if (!isUniqueKey(schema, parent, parentKey)) return Optional.of(new NotUnique(child, fk, parent, parentKey));
        return Optional.empty();
    }

    private static List<String> primaryKeyOf(Table t) {
        return t.primaryKey() == null ? List.of() : t.primaryKey().columnNames();
    }

    /** SQLite's rule for a parent key: exactly the columns of the primary key, a UNIQUE constraint or a unique index. */
    private static boolean isUniqueKey(Schema schema, Table t, List<String> key) {
        List<List<String>> candidates = new ArrayList<>();
        candidates.add(primaryKeyOf(t));
        t.uniques().forEach(u -> candidates.add(u.columnNames()));
        schema.indexesOf(t.name()).stream()
                .filter(i -> i.unique() && i.where() == null && i.keys().stream().allMatch(IndexedColumn::isColumn))
                .forEach(i -> candidates.add(i.keys().stream().map(IndexedColumn::expression).toList()));
        Set<String> wanted = folded(key);
        return candidates.stream().anyMatch(c -> c.size() == key.size() && folded(c).equals(wanted));
    }

    private static Set<String> folded(List<String> names) {
        return names.stream().map(Identifiers::fold).collect(Collectors.toSet());
    }
}
