package io.liteshift.review;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.PrimaryKey;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.schema.UniqueConstraint;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Pairs the tables of two schemas by name (and rename hints) and says what changed in each, column by column. */
final class TableComparison {
    private final Schema before;
    private final Schema after;
    private final Renames renames;
    private final Map<String, List<String>> rebuildReasons;

    TableComparison(Schema before, Schema after, Renames renames, Map<String, List<String>> rebuildReasons) {
        this.before = before;
        this.after = after;
        this.renames = renames;
        this.rebuildReasons = rebuildReasons;
    }

    List<TableDiff> compare() {
        List<TableDiff> out = new ArrayList<>();
        Set<String> paired = new HashSet<>();
        for (Table a : after.tables()) {
            Optional<Table> b = formerOf(a);
            b.ifPresent(t -> paired.add(Identifiers.fold(t.name())));
            out.add(b.map(t -> pair(t, a)).orElseGet(() -> alone(a, State.ADDED)));
        }
        for (Table b : before.tables()) {
            if (!paired.contains(Identifiers.fold(b.name()))) out.add(alone(b, State.DROPPED));
        }
        out.sort((x, y) -> SchemaChanges.BY_NAME.compare(x.name(), y.name()));
        return out;
    }

    /** The table {@code a} was before: by a rename hint, else by name unless a hint took that name elsewhere. */
    private Optional<Table> formerOf(Table a) {
        String former = renames.formerTableName(a.name());
        if (former.equals(a.name()) && renames.laterTableName(a.name()).isPresent()) return Optional.empty();
        return before.table(former);
    }

    private TableDiff alone(Table t, State state) {
        Schema in = state == State.ADDED ? after : before;
        List<ColumnDiff> columns = t.columns().stream()
                .map(c -> new ColumnDiff(c.name(), null, state, state == State.ADDED ? null : c, state == State.ADDED ? c : null,
                        ColumnKeys.of(in, t, c), List.of()))
                .toList();
        List<EdgeDiff> edges = state == State.ADDED ? ForeignKeyEdges.compare(null, t, before, after, renames)
                : ForeignKeyEdges.compare(t, null, before, after, renames);
        List<ObjectDiff> indexes = state == State.ADDED ? OtherObjects.indexes(null, t, before, after, renames)
                : OtherObjects.indexes(t, null, before, after, renames);
        return new TableDiff(t.name(), null, state, state == State.ADDED ? null : t, state == State.ADDED ? t : null,
                columns, edges, indexes, List.of(), rebuildReasons.getOrDefault(Identifiers.fold(t.name()), List.of()));
    }

    private TableDiff pair(Table b, Table a) {
        Map<String, String> names = renames.inSql(b, a);
        List<String> details = new ArrayList<>();
        if (!b.name().equals(a.name())) details.add("renamed from " + b.name());
        details.addAll(tableDetails(b, a, names));
        List<ColumnDiff> columns = columns(b, a);
        List<EdgeDiff> edges = ForeignKeyEdges.compare(b, a, before, after, renames);
        List<ObjectDiff> indexes = OtherObjects.indexes(b, a, before, after, renames);
        List<String> rebuilds = rebuildReasons.getOrDefault(Identifiers.fold(a.name()), List.of());
        boolean changed = !details.isEmpty() || !indexes.isEmpty()
                || columns.stream().anyMatch(c -> c.state().changed()) || edges.stream().anyMatch(e -> e.state().changed());
        State state = !rebuilds.isEmpty() ? State.REBUILT : changed ? State.CHANGED : State.UNCHANGED;
        String formerName = b.name().equals(a.name()) ? null : b.name();
        return new TableDiff(a.name(), formerName, state, b, a, columns, edges, indexes, details, rebuilds);
    }

    /** after's columns in order, each dropped column of before put after the column it followed. */
    private List<ColumnDiff> columns(Table b, Table a) {
        List<ColumnDiff> out = new ArrayList<>();
        Set<String> pairedBefore = new HashSet<>();
        for (Column c : a.columns()) {
            Optional<Column> bc = formerColumn(b, a, c);
            bc.ifPresent(x -> pairedBefore.add(Identifiers.fold(x.name())));
            Set<String> keysAfter = ColumnKeys.of(after, a, c);
            if (bc.isEmpty()) {
                out.add(new ColumnDiff(c.name(), null, State.ADDED, null, c, keysAfter, List.of()));
                continue;
            }
            List<String> details = ColumnDetails.between(bc.get(), c, ColumnKeys.of(before, b, bc.get()), keysAfter);
            String formerName = bc.get().name().equals(c.name()) ? null : bc.get().name();
            out.add(new ColumnDiff(c.name(), formerName, details.isEmpty() ? State.UNCHANGED : State.CHANGED, bc.get(), c,
                    keysAfter, details));
        }
        String previous = null;
        for (Column bc : b.columns()) {
            if (pairedBefore.contains(Identifiers.fold(bc.name()))) {
                previous = bc.name();
                continue;
            }
            int at = previous == null ? 0 : indexAfter(out, previous);
            out.add(at, new ColumnDiff(bc.name(), null, State.DROPPED, bc, null, ColumnKeys.of(before, b, bc), List.of()));
            previous = bc.name();
        }
        return out;
    }

    private Optional<Column> formerColumn(Table b, Table a, Column c) {
        String former = renames.formerColumnName(a.name(), c.name());
        boolean nameTakenByRename = former.equals(c.name()) && a.columns().stream()
                .anyMatch(o -> !o.name().equals(c.name()) && Identifiers.same(renames.formerColumnName(a.name(), o.name()), c.name()));
        return nameTakenByRename ? Optional.empty() : b.column(former);
    }

    /** The position just after the entry shown for before's column {@code beforeName}. */
    private static int indexAfter(List<ColumnDiff> out, String beforeName) {
        for (int i = 0; i < out.size(); i++) {
            ColumnDiff d = out.get(i);
            Column was = d.before();
            if (was != null && Identifiers.same(was.name(), beforeName)) return i + 1;
        }
        return out.size();
    }

    private static List<String> tableDetails(Table b, Table a, Map<String, String> names) {
        List<String> out = new ArrayList<>();
        String pkBefore = primaryKey(b.primaryKey(), names);
        String pkAfter = primaryKey(a.primaryKey(), null);
        if (!Identifiers.fold(pkBefore).equals(Identifiers.fold(pkAfter))) out.add("primary key " + pkBefore + " -> " + pkAfter);
        if (b.strict() != a.strict()) out.add(a.strict() ? "becomes STRICT" : "is no longer STRICT");
        if (b.withoutRowid() != a.withoutRowid()) out.add(a.withoutRowid() ? "becomes WITHOUT ROWID" : "gets a rowid (no longer WITHOUT ROWID)");
        List<String> checksBefore = b.checks().stream().map(c -> check(c, names)).toList();
        List<String> checksAfter = a.checks().stream().map(c -> check(c, null)).toList();
        for (CheckConstraint c : a.checks()) {
            if (!checksBefore.contains(check(c, null))) out.add("CHECK (" + SqlText.inline(c.expression()) + ") added");
        }
        for (CheckConstraint c : b.checks()) {
            if (!checksAfter.contains(check(c, names))) out.add("CHECK (" + SqlText.inline(c.expression()) + ") dropped");
        }
        List<String> uniquesBefore = b.uniques().stream().filter(u -> u.columns().size() > 1).map(u -> unique(u, names)).toList();
        List<String> uniquesAfter = a.uniques().stream().filter(u -> u.columns().size() > 1).map(u -> unique(u, null)).toList();
        for (UniqueConstraint u : a.uniques()) {
            if (u.columns().size() > 1 && !uniquesBefore.contains(unique(u, null))) out.add("UNIQUE " + columnList(u) + " added");
        }
        for (UniqueConstraint u : b.uniques()) {
            if (u.columns().size() > 1 && !uniquesAfter.contains(unique(u, names))) out.add("UNIQUE " + columnList(u) + " dropped");
        }
        return out;
    }

    private static String primaryKey(PrimaryKey pk, Map<String, String> names) {
        if (pk == null) return "rowid";
        List<String> columns = pk.columnNames().stream().map(n -> names == null ? n : names.getOrDefault(Identifiers.fold(n), n)).toList();
        return "(" + String.join(", ", columns) + ")" + (pk.autoincrement() ? " AUTOINCREMENT" : "");
    }

    private static String check(CheckConstraint c, Map<String, String> names) {
        String expression = names == null ? c.expression() : SqlText.renameIdentifiers(c.expression(), names);
        return SqlText.canonicalExpression(expression);
    }

    private static String columnList(UniqueConstraint u) {
        return "(" + String.join(", ", u.columnNames()) + ")";
    }

    /** A multi-column UNIQUE as compared: its columns' folded names after the renames. */
    private static String unique(UniqueConstraint u, Map<String, String> names) {
        List<String> columns = u.columnNames().stream()
                .map(n -> Identifiers.fold(names == null ? n : names.getOrDefault(Identifiers.fold(n), n))).toList();
        return "(" + String.join(", ", columns) + ")";
    }
}
