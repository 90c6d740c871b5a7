package io.liteshift.online;

import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Index;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A declared index that the current table already has, key for key: the rebuild neither copies nor drains it, the
 * swap hands it to the new table. The rebuild keeps every row's rowid, and a key copied unchanged ({@link CopiedKey})
 * has the same values in the copy, so the entries SQLite keeps in that index for the application's writes are,
 * at the swap, exactly the entries of the new table's index: the same b-tree, renamed in sqlite_schema.
 * <p>
 * Only an index on columns is handed over (either direction); a partial one when its WHERE is the table's index's and
 * reads only columns the copy carries over unchanged. A UNIQUE one only when the table's index is
 * UNIQUE too (then no row can break it: SQLite enforces it on the table for every write) and no foreign key of another
 * table references those columns (the foreign key check looks parent keys up in the shadow, which needs the index).
 *
 * @param declared the declared index
 * @param current  the name of the current table's index that becomes it
 */
record ReusedIndex(Index declared, String current) {

    /** The declared indexes of {@code t} that can be handed over, each from a different index of the current table. */
    static List<ReusedIndex> of(Target t) {
        List<ReusedIndex> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Index i : t.indexes()) {
            CopiedKey key = CopiedKey.of(t, i).orElse(null);
            if (key == null || i.unique() && referenced(t, key)) continue;
            t.current().indexesOf(t.table()).stream()
                    .filter(s -> s.unique() == i.unique() && key.isKeyOf(s) && CopiedKey.sameWhere(t, i.where(), s.where())
                            && !taken.contains(Identifiers.fold(s.name())))
                    .findFirst().ifPresent(s -> {
                        taken.add(Identifiers.fold(s.name()));
                        out.add(new ReusedIndex(i, s.name()));
                    });
        }
        return List.copyOf(out);
    }

    /** A foreign key of the table or of another one references {@code t} by these columns (in any order). */
    private static boolean referenced(Target t, CopiedKey key) {
        Set<String> columns = folded(key.to().stream().map(c -> c.name()).toList());
        for (ForeignKey fk : t.to().foreignKeys()) {
            if (Identifiers.same(fk.refTable(), t.to().name()) && folded(fk.refColumns()).equals(columns)) return true;
        }
        for (Table child : t.children()) {
            for (ForeignKey fk : t.foreignKeysTo(child)) if (folded(fk.refColumns()).equals(columns)) return true;
        }
        return false;
    }

    private static Set<String> folded(List<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(Identifiers.fold(n)));
        return out;
    }

    static boolean declares(List<ReusedIndex> reused, Index i) {
        return reused.stream().anyMatch(r -> Identifiers.same(r.declared().name(), i.name()));
    }

    static boolean takes(List<ReusedIndex> reused, String currentIndex) {
        return reused.stream().anyMatch(r -> Identifiers.same(r.current(), currentIndex));
    }
}
