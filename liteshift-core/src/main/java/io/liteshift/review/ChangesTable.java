package io.liteshift.review;

import java.util.ArrayList;
import java.util.List;

/** Every change of the diagram as rows of a table: the text alternative to the picture, and what a search finds. */
record ChangesTable(SchemaChanges changes, StringBuilder out) {
    private static final int NAMED = 12;

    void write() {
        out.append("<h3 id=\"changes\">Changes, as a table</h3>\n");
        List<TableDiff> changed = changes.changedTables();
        if (changed.isEmpty()) {
            out.append("<p>No table changes.</p>\n");
        } else {
            out.append("<table id=\"changes-table\">\n<thead><tr><th scope=\"col\">Table</th><th scope=\"col\">Part</th>"
                    + "<th scope=\"col\">Change</th><th scope=\"col\">Details</th></tr></thead>\n<tbody>\n");
            for (TableDiff t : changed) rows(t);
            out.append("</tbody>\n</table>\n");
        }
        List<String> unchanged = changes.tables().stream().filter(t -> !t.state().changed()).map(TableDiff::name).toList();
        if (!unchanged.isEmpty()) {
            out.append("<p>").append(Html.text(Figures.count(unchanged.size(), "table") + (unchanged.size() == 1 ? " is" : " are")
                    + " unchanged: " + Figures.some(unchanged, NAMED) + ".")).append("</p>\n");
        }
        if (!changes.others().isEmpty()) others();
    }

    private void rows(TableDiff t) {
        List<String> tableDetails = new ArrayList<>(t.details());
        t.rebuilds().forEach(r -> tableDetails.add("rebuilt by " + r));
        if (t.state() == State.ADDED || t.state() == State.DROPPED) {
            tableDetails.add(Figures.count(t.columns().size(), "column") + ", " + Figures.count(t.edges().size(), "foreign key"));
        }
        row(t.name(), "table", t.state(), String.join("; ", tableDetails));
        if (t.state() == State.ADDED || t.state() == State.DROPPED) return;
        for (ColumnDiff c : t.columns()) {
            if (!c.state().changed()) continue;
            String details = c.state() == State.CHANGED ? String.join("; ", c.details()) : c.shown().type() + " " + ColumnKeys.render(c.keys());
            row(t.name(), "column " + c.name(), c.state(), details.strip());
        }
        for (EdgeDiff e : t.edges()) {
            if (e.state().changed()) row(t.name(), "foreign key " + e.describe(), e.state(), String.join("; ", e.details()));
        }
        for (ObjectDiff i : t.indexes()) row(t.name(), "index " + i.name(), i.state(), i.detail());
    }

    private void row(String table, String part, State state, String details) {
        out.append("<tr><th scope=\"row\">").append(Html.text(table)).append("</th><td>").append(Html.text(part))
                .append("</td><td>").append(badge(state)).append("</td><td>").append(Html.text(details)).append("</td></tr>\n");
    }

    /** The state as a mark and a word in its colour: "+ added". */
    static String badge(State state) {
        return "<span class=\"state " + state.cssClass() + "\">" + state.mark() + " " + state.word() + "</span>";
    }

    private void others() {
        out.append("<h3 id=\"other-changes-heading\">Views, triggers and virtual tables</h3>\n<table id=\"other-changes\">\n<thead><tr>"
                + "<th scope=\"col\">Kind</th><th scope=\"col\">Name</th><th scope=\"col\">Change</th><th scope=\"col\">Definition</th>"
                + "</tr></thead>\n<tbody>\n");
        for (ObjectDiff o : changes.others()) {
            out.append("<tr><td>").append(o.kind()).append("</td><th scope=\"row\">").append(Html.text(o.name())).append("</th><td>")
                    .append(badge(o.state())).append("</td><td><code>").append(Html.text(o.detail())).append("</code></td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
