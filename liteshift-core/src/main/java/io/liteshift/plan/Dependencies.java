package io.liteshift.plan;

import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Orders tables so that a referenced table comes before the tables that reference it. */
public final class Dependencies {
    private Dependencies() {
    }

    public static List<Table> parentsFirst(List<Table> tables) {
        List<Table> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (Table t : tables) visit(t, tables, placed, visiting, out);
        return out;
    }

    private static void visit(Table t, List<Table> all, Set<String> placed, Set<String> visiting, List<Table> out) {
        String key = Identifiers.fold(t.name());
        if (placed.contains(key) || !visiting.add(key)) return; // a cycle is broken where it is found
        for (ForeignKey fk : t.foreignKeys()) {
            for (Table parent : all) {
                if (Identifiers.same(parent.name(), fk.refTable()) && parent != t) visit(parent, all, placed, visiting, out);
            }
        }
        visiting.remove(key);
        if (placed.add(key)) out.add(t);
    }
}
