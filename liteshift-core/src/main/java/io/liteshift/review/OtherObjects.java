package io.liteshift.review;

import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Indexes, views, triggers and virtual tables, paired by name and compared by their canonical SQL (after the
 * renames, which SQLite writes into a dependent's stored text). Only the ones that differ are kept.
 */
final class OtherObjects {
    private OtherObjects() {
    }

    /** An object's name, its table (or null) and its SQL, whatever its kind. */
    private record Definition(String name, String table, String sql) {
    }

    /** The indexes of table {@code b} (before, or null) that is {@code a} (after, or null) that differ. */
    static List<ObjectDiff> indexes(Table b, Table a, Schema before, Schema after, Renames renames) {
        String shownTable = a != null ? a.name() : b.name();
        Map<String, String> names = b != null && a != null ? renames.inSql(b, a) : Map.of();
        List<Definition> was = b == null ? List.of() : before.indexesOf(b.name()).stream()
                .map(i -> new Definition(i.name(), shownTable, SqlText.renameIdentifiers(i.toString(), names))).toList();
        List<Definition> now = a == null ? List.of() : after.indexesOf(a.name()).stream()
                .map(i -> new Definition(i.name(), shownTable, i.toString())).toList();
        return differing("index", was, now);
    }

    /** The views, triggers and virtual tables that differ. */
    static List<ObjectDiff> compare(Schema before, Schema after, Renames renames) {
        Map<String, String> tableNames = new LinkedHashMap<>();
        for (Table t : after.tables()) {
            String former = renames.formerTableName(t.name());
            if (!former.equals(t.name())) tableNames.put(Identifiers.fold(former), t.name());
        }
        List<ObjectDiff> out = new ArrayList<>();
        out.addAll(differing("view", definitions(before.views(), v -> new Definition(v.name(), null, v.sql()), tableNames),
                definitions(after.views(), v -> new Definition(v.name(), null, v.sql()), Map.of())));
        out.addAll(differing("trigger", definitions(before.triggers(), t -> new Definition(t.name(), t.table(), t.sql()), tableNames),
                definitions(after.triggers(), t -> new Definition(t.name(), t.table(), t.sql()), Map.of())));
        out.addAll(differing("virtual table", definitions(before.virtualTables(), v -> new Definition(v.name(), null, v.sql()), Map.of()),
                definitions(after.virtualTables(), v -> new Definition(v.name(), null, v.sql()), Map.of())));
        return out;
    }

    private static <T> List<Definition> definitions(List<T> items, Function<T, Definition> definition, Map<String, String> renames) {
        return items.stream().map(definition)
                .map(d -> new Definition(d.name(), d.table(), SqlText.renameIdentifiers(d.sql(), renames))).toList();
    }

    private static List<ObjectDiff> differing(String kind, List<Definition> was, List<Definition> now) {
        List<ObjectDiff> out = new ArrayList<>();
        for (Definition n : now) {
            Definition w = was.stream().filter(d -> Identifiers.same(d.name(), n.name())).findFirst().orElse(null);
            if (w == null) out.add(diff(kind, n, State.ADDED));
            else if (!SqlText.canonical(w.sql()).equals(SqlText.canonical(n.sql()))) out.add(diff(kind, n, State.CHANGED));
        }
        for (Definition w : was) {
            if (now.stream().noneMatch(d -> Identifiers.same(d.name(), w.name()))) out.add(diff(kind, w, State.DROPPED));
        }
        out.sort(Comparator.comparing(ObjectDiff::name, SchemaChanges.BY_NAME));
        return out;
    }

    private static ObjectDiff diff(String kind, Definition d, State state) {
        return new ObjectDiff(kind, d.name(), d.table(), state, SqlText.inline(d.sql()));
    }
}
