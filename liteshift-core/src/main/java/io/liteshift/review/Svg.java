package io.liteshift.review;

import io.liteshift.review.Layout.Point;
import io.liteshift.review.Layout.Rect;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a placed {@link Diagram} as inline SVG. Every state has a CSS class (colour and line style, from the page's
 * stylesheet, so the diagram follows the light, dark and print themes) and a mark in the text ({@code +}, {@code -},
 * {@code ~}, {@code *} and the state's word), so nothing is said by colour alone. The picture is one image to
 * assistive technology, with a title and a description; the page lists the same changes in a table.
 */
final class Svg {
    private static final List<State> EDGE_STATES = List.of(State.UNCHANGED, State.ADDED, State.DROPPED, State.CHANGED);

    private final Diagram d;
    private final StringBuilder out = new StringBuilder();

    private Svg(Diagram d) {
        this.d = d;
    }

    static String of(Diagram d, String title, String description) {
        return new Svg(d).write(title, description);
    }

    private String write(String title, String description) {
        Layout.Placed p = d.placed();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\" id=\"").append(d.id()).append("\" viewBox=\"0 0 ")
                .append(p.width()).append(' ').append(p.height()).append("\" width=\"").append(p.width()).append("\" height=\"")
                .append(p.height()).append("\" role=\"img\" aria-labelledby=\"").append(d.id()).append("-title ").append(d.id())
                .append("-desc\">\n");
        out.append("<title id=\"").append(d.id()).append("-title\">").append(Html.text(title)).append("</title>\n");
        out.append("<desc id=\"").append(d.id()).append("-desc\">").append(Html.text(description)).append("</desc>\n");
        out.append("<defs>");
        for (State s : EDGE_STATES) {
            out.append("<marker id=\"").append(marker(s)).append("\" class=\"arrow ").append(s.cssClass())
                    .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\""
                            + " markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\"/></marker>");
        }
        out.append("</defs>\n<g class=\"edges\">\n");
        for (int i = 0; i < d.edges().size(); i++) edge(d.edges().get(i), p.routes().get(i));
        out.append("</g>\n<g class=\"tables\">\n");
        for (int i = 0; i < d.boxes().size(); i++) box(d.boxes().get(i), p.boxes().get(i));
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    private String marker(State s) {
        return d.id() + "-arrow-" + s.word();
    }

    private void edge(Diagram.Edge e, List<Point> route) {
        EdgeDiff diff = e.diff();
        out.append("<g class=\"edge ").append(diff.state().cssClass()).append("\" data-child=\"").append(Html.attr(diff.child()))
                .append("\" data-parent=\"").append(Html.attr(diff.parent())).append("\"><title>")
                .append(Html.text(diff.describe() + ": " + diff.state().word()
                        + (diff.details().isEmpty() ? "" : " (" + String.join("; ", diff.details()) + ")")))
                .append("</title><path class=\"line\" d=\"").append(path(route)).append("\" marker-end=\"url(#")
                .append(marker(diff.state())).append(")\"/>");
        if (diff.state().changed() && route.size() >= 3) {
            Point a = route.get(1);
            Point b = route.get(2);
            out.append("<text class=\"edge-mark\" x=\"").append((a.x() + b.x()) / 2).append("\" y=\"").append(Math.min(a.y(), b.y()) - 2)
                    .append("\">").append(diff.state().mark()).append("</text>");
        }
        out.append("</g>\n");
    }

    private static String path(List<Point> route) {
        StringBuilder sb = new StringBuilder("M").append(route.get(0).x()).append(',').append(route.get(0).y());
        for (int i = 1; i < route.size(); i++) {
            Point prev = route.get(i - 1);
            Point p = route.get(i);
            if (p.x() == prev.x()) sb.append('V').append(p.y());
            else if (p.y() == prev.y()) sb.append('H').append(p.x());
            else sb.append('L').append(p.x()).append(',').append(p.y());
        }
        return sb.toString();
    }

    private void box(Diagram.Box b, Rect r) {
        State state = b.table() == null ? State.UNCHANGED : b.table().state();
        List<String> classes = new ArrayList<>(List.of("table", state.cssClass()));
        if (b.table() == null) classes.add("group");
        if (b.collapsed()) classes.add("collapsed");
        out.append("<g class=\"").append(String.join(" ", classes)).append("\" id=\"").append(b.id()).append('"');
        if (b.table() != null) out.append(" data-table=\"").append(Html.attr(b.table().name())).append('"');
        out.append("><title>").append(Html.text(b.title())).append("</title>");
        out.append("<rect class=\"box\" x=\"").append(r.x()).append("\" y=\"").append(r.y()).append("\" width=\"").append(r.width())
                .append("\" height=\"").append(r.height()).append("\" rx=\"4\"/>");
        out.append("<rect class=\"head\" x=\"").append(r.x() + 1).append("\" y=\"").append(r.y() + 1).append("\" width=\"")
                .append(r.width() - 2).append("\" height=\"").append(Diagram.HEADER - 1).append("\" rx=\"3\"/>");
        text("name", r.x() + Diagram.PAD, r.y() + 16, b.heading(), false);
        if (!b.tag().isEmpty()) text("tag", r.x() + r.width() - Diagram.PAD, r.y() + 16, b.tag(), true);
        int typeX = r.x() + Diagram.PAD + (int) Math.ceil((b.nameCells() + 2) * Diagram.CELL);
        for (int i = 0; i < b.lines().size(); i++) {
            Diagram.Line l = b.lines().get(i);
            int y = r.y() + Diagram.HEADER + i * Diagram.LINE + 14;
            out.append("<text class=\"col ").append(l.state().cssClass()).append("\" x=\"").append(r.x() + Diagram.PAD)
                    .append("\" y=\"").append(y).append("\"><title>").append(Html.text(l.title())).append("</title>")
                    .append(Html.text(l.name()));
            if (!l.type().isEmpty()) {
                out.append("<tspan class=\"type\" x=\"").append(typeX).append("\">").append(Html.text(l.type())).append("</tspan>");
            }
            if (!l.keys().isEmpty()) {
                out.append("<tspan class=\"keys\" x=\"").append(r.x() + r.width() - Diagram.PAD)
                        .append("\" text-anchor=\"end\">").append(l.keys()).append("</tspan>");
            }
            out.append("</text>");
        }
        out.append("</g>\n");
    }

    private void text(String cssClass, int x, int y, String s, boolean end) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(x).append("\" y=\"").append(y).append('"');
        if (end) out.append(" text-anchor=\"end\"");
        out.append('>').append(Html.text(s)).append("</text>");
    }
}
