package io.liteshift.review;

import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one entity-relationship diagram draws, measured and placed: a box per table (a line per column, then the
 * changed indexes) and an edge per foreign key. The diagram of the changes draws the changed tables in full, the
 * unchanged tables they are linked to by name only, and every other table as one block that counts them; the
 * diagram of everything draws every table in full.
 *
 * @param hidden how many unchanged tables the block stands for (0: no block)
 */
record Diagram(String id, List<Box> boxes, List<Edge> edges, int hidden, int collapsed, Layout.Placed placed) {

    /** The advance of one character of the diagram's 12px monospace font, in pixels (0.6 em, rounded up): what boxes are sized by. */
    static final double CELL = 7.3;
    static final int HEADER = 24;
    static final int LINE = 18;
    static final int PAD = 8;
    private static final int MAX_NAME = 36;
    private static final int MAX_TYPE = 22;
    /** Stands where an unchanged column has no mark: a no-break space, which SVG does not collapse as it would a space. */
    private static final String NO_MARK = "\u00A0";

    /** One line of a box: a column, or an index that changed. */
    record Line(State state, String name, String type, String keys, String title) {
    }

    /**
     * A table's box, or the block of tables not drawn ({@code table} null).
     *
     * @param heading the mark and name shown in the header; {@code tag} the word at its right
     */
    record Box(String id, TableDiff table, boolean collapsed, String heading, String tag, List<Line> lines, String title,
               int nameCells, int typeCells) {
        int width() {
            int body = lines.isEmpty() ? 0 : nameCells + 2 + typeCells + 2 + lines.stream().mapToInt(l -> l.keys().length()).max().orElse(0);
            int head = TextWidth.cells(heading) + 2 + tag.length();
            return Math.max(120, 2 * PAD + (int) Math.ceil(Math.max(body, head) * CELL));
        }

        int height() {
            return HEADER + (lines.isEmpty() ? 0 : lines.size() * LINE + PAD / 2);
        }
    }

    /** A foreign key between two boxes (indexes into {@code boxes}). */
    record Edge(EdgeDiff diff, int child, int parent) {
    }

    static Diagram changes(String id, SchemaChanges changes) {
        Set<String> changed = new HashSet<>();
        for (TableDiff t : changes.changedTables()) changed.add(Identifiers.fold(t.name()));
        Set<String> neighbours = new HashSet<>();
        for (TableDiff t : changes.tables()) {
            for (EdgeDiff e : t.edges()) {
                boolean childChanged = changed.contains(Identifiers.fold(e.child()));
                boolean parentChanged = changed.contains(Identifiers.fold(e.parent()));
                if (childChanged && !parentChanged) neighbours.add(Identifiers.fold(e.parent()));
                if (parentChanged && !childChanged) neighbours.add(Identifiers.fold(e.child()));
            }
        }
        List<TableDiff> shown = new ArrayList<>();
        Set<String> collapsed = new HashSet<>();
        for (TableDiff t : changes.tables()) {
            String key = Identifiers.fold(t.name());
            if (changed.contains(key)) shown.add(t);
            else if (neighbours.contains(key)) {
                shown.add(t);
                collapsed.add(key);
            }
        }
        int hidden = changes.tables().size() - shown.size();
        return build(id, shown, collapsed, hidden, e -> changed.contains(Identifiers.fold(e.child()))
                || changed.contains(Identifiers.fold(e.parent())));
    }

    static Diagram all(String id, SchemaChanges changes) {
        return build(id, changes.tables(), Set.of(), 0, e -> true);
    }

    private static Diagram build(String id, List<TableDiff> tables, Set<String> collapsed, int hidden,
                                 Predicate<EdgeDiff> drawn) {
        Ids ids = new Ids();
        List<Box> boxes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (TableDiff t : tables) {
            index.putIfAbsent(Identifiers.fold(t.name()), boxes.size());
            boxes.add(box(ids.unique(id + "-t-", t.name()), t, collapsed.contains(Identifiers.fold(t.name()))));
        }
        if (hidden > 0) {
            String heading = Figures.count(hidden, "unchanged table");
            boxes.add(new Box(id + "-unchanged", null, true, heading, "", List.of(), heading + ", not linked to a change,"
                    + " are not drawn here: open \"All tables\" below to see them.", 0, 0));
        }
        List<Edge> edges = new ArrayList<>();
        for (TableDiff t : tables) {
            for (EdgeDiff e : t.edges()) {
                Integer child = index.get(Identifiers.fold(e.child()));
                Integer parent = index.get(Identifiers.fold(e.parent()));
                if (child != null && parent != null && drawn.test(e)) edges.add(new Edge(e, child, parent));
            }
        }
        List<Layout.Node> nodes = boxes.stream().map(b -> new Layout.Node(b.width(), b.height(), b.table() == null)).toList();
        List<Layout.Link> links = edges.stream().map(e -> new Layout.Link(e.child(), e.parent())).toList();
        return new Diagram(id, boxes, edges, hidden, collapsed.size(), Layout.place(nodes, links));
    }

    private static Box box(String id, TableDiff t, boolean collapsed) {
        String heading = (t.state().changed() ? t.state().mark() + " " : "") + TextWidth.clip(t.name(), MAX_NAME);
        String title = title(t);
        if (collapsed) {
            return new Box(id, t, true, heading, Figures.count(t.columns().size(), "column"), List.of(), title, 0, 0);
        }
        List<Line> lines = new ArrayList<>();
        for (ColumnDiff c : t.columns()) {
            String name = (c.state().changed() ? c.state().mark() : NO_MARK) + " " + TextWidth.clip(c.name(), MAX_NAME);
            String columnTitle = c.name() + " " + c.shown().type() + ": " + c.state().word()
                    + (c.details().isEmpty() ? "" : " (" + String.join("; ", c.details()) + ")");
            lines.add(new Line(c.state(), name, TextWidth.clip(c.shown().type(), MAX_TYPE), ColumnKeys.render(c.keys()), columnTitle));
        }
        for (ObjectDiff i : t.indexes()) {
            lines.add(new Line(i.state(), i.state().mark() + " index " + TextWidth.clip(i.name(), MAX_NAME), "", "",
                    "index " + i.name() + ": " + i.state().word() + " (" + i.detail() + ")"));
        }
        int nameCells = lines.stream().mapToInt(l -> TextWidth.cells(l.name())).max().orElse(0);
        int typeCells = lines.stream().mapToInt(l -> TextWidth.cells(l.type())).max().orElse(0);
        String tag = t.state().changed() ? t.state().word().toUpperCase(Locale.ROOT) : "";
        return new Box(id, t, false, heading, tag, lines, title, nameCells, typeCells);
    }

    /** The box's tooltip: the table's state and every table-level change. */
    private static String title(TableDiff t) {
        List<String> parts = new ArrayList<>(t.details());
        t.rebuilds().forEach(r -> parts.add("rebuilt: " + r));
        return t.name() + ": " + t.state().word() + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
    }

    /** True when this diagram leaves nothing out: a diagram of everything would draw the same. */
    boolean complete() {
        return hidden == 0 && collapsed == 0;
    }
}
