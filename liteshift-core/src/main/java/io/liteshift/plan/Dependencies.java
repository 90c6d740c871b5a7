package io.liteshift.plan;

import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** Orders schema objects so that each comes after the ones it depends on: a referenced table before the tables that reference it. */
public final class Dependencies {
    private Dependencies() {
    }

    public static List<Table> parentsFirst(List<Table> tables) {
        return dependenciesFirst(tables, Table::name, (t, parent) -> t.foreignKeys().stream()
                .map(ForeignKey::refTable).anyMatch(ref -> Identifiers.same(parent.name(), ref)));
    }

    /**
     * {@code items} in their order, except that each comes after every other item it depends on; a cycle is broken
     * where it is found.
     *
     * @param name      an item's name (folded for SQLite's comparison)
     * @param dependsOn whether the first item needs the second before it
     */
    public static <T> List<T> dependenciesFirst(List<T> items, Function<T, String> name, BiPredicate<T, T> dependsOn) {
        List<T> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (T t : items) visit(t, items, name, dependsOn, placed, visiting, out);
        return out;
    }

    private static <T> void visit(T t, List<T> all, Function<T, String> name, BiPredicate<T, T> dependsOn, Set<String> placed,
                                  Set<String> visiting, List<T> out) {
        String key = Identifiers.fold(name.apply(t));
        if (placed.contains(key) || !visiting.add(key)) return; // a cycle is broken where it is found
        for (T other : all) {
            if (other != t && dependsOn.test(t, other)) visit(other, all, name, dependsOn, placed, visiting, out);
        }
        visiting.remove(key);
        if (placed.add(key)) out.add(t);
    }
}
