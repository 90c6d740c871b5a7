package io.liteshift.schema;

import io.liteshift.sql.Identifiers;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Everything liteshift manages in one database: its tables, indexes, views, triggers and virtual tables. */
public record Schema(List<Table> tables, List<Index> indexes, List<View> views, List<Trigger> triggers,
                     List<VirtualTable> virtualTables) {

    public static final Schema EMPTY = new Schema(List.of(), List.of(), List.of(), List.of(), List.of());

    public Schema {
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
        virtualTables = List.copyOf(virtualTables);
    }

    public Optional<Table> table(String name) {
        return find(tables, Table::name, name);
    }

    public Optional<View> view(String name) {
        return find(views, View::name, name);
    }

    public List<Index> indexesOf(String table) {
        return indexes.stream().filter(i -> Identifiers.same(i.table(), table)).toList();
    }

    public List<Trigger> triggersOf(String table) {
        return triggers.stream().filter(t -> Identifiers.same(t.table(), table)).toList();
    }

    public boolean isEmpty() {
        return tables.isEmpty() && indexes.isEmpty() && views.isEmpty() && triggers.isEmpty() && virtualTables.isEmpty();
    }

    private static <T> Optional<T> find(List<T> items, Function<T, String> name, String wanted) {
        return items.stream().filter(i -> Identifiers.same(name.apply(i), wanted)).findFirst();
    }

    /** The schema as a script of canonical DDL, tables first. */
    @Override
    public String toString() {
        return Stream.of(tables.stream().map(Table::toString), virtualTables.stream().map(VirtualTable::toString),
                        indexes.stream().map(Index::toString), views.stream().map(View::toString),
                        triggers.stream().map(Trigger::toString))
                .flatMap(Function.identity())
                .map(s -> s + ";\n")
                .collect(Collectors.joining());
    }
}
