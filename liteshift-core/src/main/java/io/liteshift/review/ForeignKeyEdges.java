package io.liteshift.review;

import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table's foreign keys before and after as edges of the diagram. A foreign key is the same edge when its child
 * columns and parent table are (after renames); it is changed when the parent columns or its actions differ.
 */
final class ForeignKeyEdges {
    private ForeignKeyEdges() {
    }

    /** An edge in the names the diagram shows, with the foreign key it came from. */
    private record Shown(EdgeDiff edge, ForeignKey key) {
        String identity() {
            return Identifiers.fold(edge.child()) + "|" + String.join(",", edge.columns().stream().map(Identifiers::fold).toList())
                    + "|" + Identifiers.fold(edge.parent());
        }
    }

    /** The edges of table {@code b} (before, or null when added) that is {@code a} (after, or null when dropped). */
    static List<EdgeDiff> compare(Table b, Table a, Schema before, Schema after, Renames renames) {
        Map<String, Shown> was = new LinkedHashMap<>();
        if (b != null) {
            String child = a != null ? a.name() : b.name();
            for (ForeignKey fk : b.foreignKeys()) {
                Shown s = shownBefore(fk, child, a != null, before, after, renames);
                was.putIfAbsent(s.identity(), s);
            }
        }
        List<EdgeDiff> out = new ArrayList<>();
        if (a != null) {
            for (ForeignKey fk : a.foreignKeys()) {
                Optional<Table> parent = after.table(fk.refTable());
                Shown now = new Shown(edge(a.name(), fk.columns(), parent.map(Table::name).orElse(fk.refTable()),
                        parentColumns(fk, parent), State.ADDED, List.of()), fk);
                Shown old = was.remove(now.identity());
                out.add(old == null ? now.edge() : paired(old, now));
            }
        }
        for (Shown gone : was.values()) {
            EdgeDiff e = gone.edge();
            out.add(edge(e.child(), e.columns(), e.parent(), e.parentColumns(), State.DROPPED, List.of()));
        }
        return out;
    }

    /** A foreign key of before in after's names, where the tables and columns it names still exist. */
    private static Shown shownBefore(ForeignKey fk, String child, boolean childStays, Schema before, Schema after,
                                     Renames renames) {
        List<String> columns = childStays ? fk.columns().stream().map(c -> laterColumnName(after, renames, child, c)).toList()
                : fk.columns();
        Optional<String> parentLater = renames.laterTableName(fk.refTable())
                .or(() -> after.table(fk.refTable()).map(Table::name));
        String parent = parentLater.orElseGet(() -> before.table(fk.refTable()).map(Table::name).orElse(fk.refTable()));
        List<String> parentColumns = parentColumns(fk, before.table(fk.refTable()));
        if (parentLater.isPresent()) {
            parentColumns = parentColumns.stream().map(c -> laterColumnName(after, renames, parent, c)).toList();
        }
        return new Shown(edge(child, columns, parent, parentColumns, State.DROPPED, List.of()), fk);
    }

    private static String laterColumnName(Schema after, Renames renames, String table, String beforeName) {
        Optional<Table> t = after.table(table);
        if (t.isEmpty()) return beforeName;
        return t.get().columns().stream().map(c -> c.name())
                .filter(n -> Identifiers.same(renames.formerColumnName(table, n), beforeName)).findFirst().orElse(beforeName);
    }

    /** The parent columns a foreign key references: as written, else the parent's primary key (when it is known). */
    private static List<String> parentColumns(ForeignKey fk, Optional<Table> parent) {
        if (!fk.refColumns().isEmpty()) return fk.refColumns();
        return parent.filter(p -> p.primaryKey() != null).map(p -> p.primaryKey().columnNames()).orElse(List.of());
    }

    private static EdgeDiff paired(Shown old, Shown now) {
        List<String> details = new ArrayList<>();
        List<String> before = old.edge().parentColumns().stream().map(Identifiers::fold).toList();
        List<String> after = now.edge().parentColumns().stream().map(Identifiers::fold).toList();
        if (!before.equals(after)) {
            details.add("references " + now.edge().parent() + "(" + String.join(", ", old.edge().parentColumns()) + ") -> "
                    + now.edge().parent() + "(" + String.join(", ", now.edge().parentColumns()) + ")");
        }
        action(details, "ON DELETE", old.key().onDelete(), now.key().onDelete());
        action(details, "ON UPDATE", old.key().onUpdate(), now.key().onUpdate());
        action(details, "MATCH", orNone(old.key().match()), orNone(now.key().match()));
        action(details, "deferral", orNone(old.key().deferrable()), orNone(now.key().deferrable()));
        EdgeDiff e = now.edge();
        return edge(e.child(), e.columns(), e.parent(), e.parentColumns(), details.isEmpty() ? State.UNCHANGED : State.CHANGED, details);
    }

    private static void action(List<String> details, String what, String before, String after) {
        if (!before.equalsIgnoreCase(after)) details.add(what + " " + before + " -> " + after);
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "none" : s;
    }

    private static EdgeDiff edge(String child, List<String> columns, String parent, List<String> parentColumns, State state,
                                 List<String> details) {
        return new EdgeDiff(child, columns, parent, parentColumns, state, details);
    }
}
