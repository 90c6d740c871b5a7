package io.liteshift.review;

import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between a review's two schemas, by name (and its rename hints): every table of either schema with
 * its state, columns and foreign keys, and the indexes, views, triggers and virtual tables that changed.
 *
 * @param tables every table of the union, sorted by name
 * @param others the changed objects other than tables, sorted by kind and name
 */
record SchemaChanges(List<TableDiff> tables, List<ObjectDiff> others) {

    /** Sorts by name as SQLite compares them, then by the exact spelling, so the order never depends on the input's. */
    static final Comparator<String> BY_NAME = Comparator.comparing(Identifiers::fold).thenComparing(Comparator.naturalOrder());

    SchemaChanges {
        tables = List.copyOf(tables);
        others = List.copyOf(others);
    }

    static SchemaChanges of(ReviewInput in) {
        Renames renames = new Renames(in.renames());
        TableComparison tables = new TableComparison(in.before(), in.after(), renames, rebuildReasons(in, renames));
        return new SchemaChanges(tables.compare(), OtherObjects.compare(in.before(), in.after(), renames));
    }

    /** Why each table is rebuilt (key: its folded name after), one reason per rebuild, prefixed by its migration. */
    private static Map<String, List<String>> rebuildReasons(ReviewInput in, Renames renames) {
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (Migration m : in.migrations()) {
            for (Step s : m.steps()) {
                for (Step.Rebuild r : s.rebuilds()) {
                    String table = in.after().table(r.table()).isPresent() ? r.table()
                            : renames.laterTableName(r.table()).orElse(r.table());
                    reasons.computeIfAbsent(Identifiers.fold(table), k -> new ArrayList<>()).add(m.fileName() + ": " + r.reason());
                }
            }
        }
        return reasons;
    }

    List<TableDiff> changedTables() {
        return tables.stream().filter(t -> t.state().changed()).toList();
    }

    long count(State state) {
        return tables.stream().filter(t -> t.state() == state).count();
    }

    Optional<TableDiff> table(String name) {
        return tables.stream().filter(t -> Identifiers.same(t.name(), name)).findFirst();
    }

    /** The columns dropped from tables that stay, as {@code table.column}. */
    List<String> droppedColumns() {
        return tables.stream().filter(t -> t.state() != State.DROPPED)
                .flatMap(t -> t.columns().stream().filter(c -> c.state() == State.DROPPED).map(c -> t.name() + "." + c.name()))
                .toList();
    }

    boolean isEmpty() {
        return changedTables().isEmpty() && others.isEmpty();
    }
}
