package io.liteshift.review;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A page's structure as text, for golden files: landmarks, headings with their levels, tables with their column
 * headers and row count, the finding anchors in order with the line each stands under, and per diagram its size,
 * element counts and the id, state and name of every table box. Text that does not make the structure (SQL,
 * messages) is left out, so the outline changes only when the structure does.
 */
final class Outline {
    private Outline() {
    }

    static String of(String html) {
        PageDom dom = PageDom.parse(html);
        List<String> out = new ArrayList<>();
        out.add("landmarks:");
        for (String tag : List.of("header", "nav", "main", "footer")) {
            for (Element e : dom.all(tag)) out.add("  " + tag + label(e));
        }
        for (Element e : dom.all("section")) out.add("  section #" + e.getAttribute("id") + " labelled by #" + e.getAttribute("aria-labelledby"));
        out.add("headings:");
        for (Element e : dom.all(el -> el.getTagName().matches("h[1-6]"))) {
            int level = e.getTagName().charAt(1) - '0';
            out.add("  ".repeat(level) + e.getTagName() + " " + PageDom.text(e) + idOf(e));
        }
        out.add("tables:");
        for (Element t : dom.all("table")) {
            List<String> headers = PageDom.elements(t.getElementsByTagName("th")).stream()
                    .filter(th -> th.getAttribute("scope").equals("col")).map(PageDom::text).toList();
            long rows = PageDom.elements(t.getElementsByTagName("tr")).stream().filter(tr -> !(tr.getParentNode() instanceof Element p
                    && p.getTagName().equals("thead"))).count();
            out.add("  table" + idOf(t) + " " + headers + ", " + rows + " rows");
        }
        out.add("findings:");
        for (Element tr : dom.all(e -> PageDom.hasClass(e, "finding") && e.getTagName().equals("tr"))) {
            out.add("  #" + tr.getAttribute("id") + " " + tr.getAttribute("class") + " under " + lineAbove(tr));
        }
        out.add("diagrams:");
        for (Element svg : dom.all("svg")) {
            Map<String, Integer> counts = new TreeMap<>();
            for (Element e : PageDom.elements(svg.getElementsByTagName("*"))) counts.merge(e.getTagName(), 1, Integer::sum);
            out.add("  svg #" + svg.getAttribute("id") + " viewBox " + svg.getAttribute("viewBox") + " " + counts);
            for (Element g : PageDom.elements(svg.getElementsByTagName("g"))) {
                if (PageDom.hasClass(g, "table")) {
                    out.add("    #" + g.getAttribute("id") + " " + g.getAttribute("class") + " " + Html.visible(g.getAttribute("data-table")));
                }
            }
        }
        return String.join("\n", out) + "\n";
    }

    private static String label(Element e) {
        String label = e.getAttribute("aria-label");
        return label.isEmpty() ? "" : " \"" + label + "\"";
    }

    private static String idOf(Element e) {
        return e.getAttribute("id").isEmpty() ? "" : " #" + e.getAttribute("id");
    }

    /** The line number of the nearest SQL line row above a finding row, or "the top" when the finding comes first. */
    static String lineAbove(Element findingRow) {
        for (Node n = findingRow.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e && e.getTagName().equals("tr") && !PageDom.hasClass(e, "finding")) {
                return "line " + PageDom.text(PageDom.children(e).get(0));
            }
        }
        return "the top";
    }
}
