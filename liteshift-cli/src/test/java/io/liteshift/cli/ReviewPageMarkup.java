package io.liteshift.cli;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A review page the command wrote, read back with the JDK's XML parser (the page is well-formed XML, which this
 * checks too), and what a reviewer reads on it: the title, the verdict, the diagram's changed tables, the
 * migrations, their steps, findings and rehearsal figures.
 */
final class ReviewPageMarkup {
    /**
     * A finding's row under the SQL.
     *
     * @param section   the migration's section ({@code m1})
     * @param lineAbove the number of the SQL line right above it (0 when it stands above the first line)
     */
    record FindingRow(String section, String code, int lineAbove, String text, String counts, boolean destroysData) {
    }

    private final Document doc;

    private ReviewPageMarkup(Document doc) {
        this.doc = doc;
    }

    static ReviewPageMarkup read(Path page) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new ReviewPageMarkup(f.newDocumentBuilder().parse(page.toFile()));
        } catch (Exception e) {
            throw new AssertionError(page + " is not a well-formed page: " + e.getMessage(), e);
        }
    }

    String title() {
        return text(all("h1").get(0));
    }

    /** The sentence under the title: what was reviewed. */
    String context() {
        return all("p").stream().filter(p -> p.getAttribute("class").equals("context")).map(ReviewPageMarkup::text).findFirst().orElse("");
    }

    String verdict() {
        return text(byId("verdict"));
    }

    List<String> verdictReasons() {
        return elements(byId("verdict").getElementsByTagName("li")).stream().map(ReviewPageMarkup::text).toList();
    }

    /** A figure of the summary by its name ("Tables", "Rehearsal"). */
    String figure(String name) {
        for (Element dt : all("dt")) {
            if (text(dt).equals(name)) return text((Element) next(dt));
        }
        throw new AssertionError("no figure " + name);
    }

    /** The tables the diagram of the changes draws, by name, with their state ("added", "rebuilt"). */
    Map<String, String> changedTables() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element g : elements(byId("erd-changes").getElementsByTagName("g"))) {
            List<String> classes = List.of(g.getAttribute("class").split(" "));
            if (!classes.contains("table") || g.getAttribute("data-table").isEmpty()) continue;
            String state = classes.stream().filter(c -> c.startsWith("st-")).findFirst().orElseThrow().substring(3);
            if (!state.equals("unchanged")) out.put(g.getAttribute("data-table"), state);
        }
        return out;
    }

    /** A table's box in a diagram: the table's name ("" for the block of other tables), collapsed or not, and its rectangle. */
    record Box(String table, boolean collapsed, int x, int y, int width, int height) {
        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /** Every table box of the diagram {@code svgId} ({@code erd-changes}, {@code erd-all}). */
    List<Box> boxes(String svgId) {
        List<Box> out = new ArrayList<>();
        for (Element g : elements(byId(svgId).getElementsByTagName("g"))) {
            List<String> classes = List.of(g.getAttribute("class").split(" "));
            if (!classes.contains("table")) continue;
            Element r = (Element) g.getElementsByTagName("rect").item(0);
            out.add(new Box(g.getAttribute("data-table"), classes.contains("collapsed"), number(r, "x"), number(r, "y"),
                    number(r, "width"), number(r, "height")));
        }
        return out;
    }

    private static int number(Element e, String attribute) {
        return Integer.parseInt(e.getAttribute(attribute));
    }

    /** The migrations' file names, in page order. */
    List<String> migrations() {
        return all("section").stream().filter(s -> s.getAttribute("class").equals("migration"))
                .map(s -> text((Element) s.getElementsByTagName("h3").item(0))).toList();
    }

    /** What each step of a migration does, in order. */
    List<String> steps(String section) {
        Element table = byId(section + "-steps");
        List<String> out = new ArrayList<>();
        for (Element tr : elements(table.getElementsByTagName("tbody").item(0).getChildNodes())) {
            out.add(text(elements(tr.getChildNodes()).get(1)));
        }
        return out;
    }

    /** Per migration section, the rehearsal's cells: took, rows changed, size before, size after, size change. */
    Map<String, List<String>> rehearsals() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element t : all("table")) {
            String id = t.getAttribute("id");
            if (!id.endsWith("-rehearsal")) continue;
            out.put(id.substring(0, id.indexOf('-')), elements(t.getElementsByTagName("td")).stream().map(ReviewPageMarkup::text).toList());
        }
        return out;
    }

    List<FindingRow> findings() {
        List<FindingRow> out = new ArrayList<>();
        for (Element tr : all("tr")) {
            if (!List.of(tr.getAttribute("class").split(" ")).contains("finding")) continue;
            Element section = tr;
            while (!(section.getTagName().equals("section") && section.getAttribute("class").equals("migration"))) {
                section = (Element) section.getParentNode();
            }
            String code = text((Element) tr.getElementsByTagName("code").item(0));
            String counts = elements(tr.getElementsByTagName("p")).stream().filter(p -> p.getAttribute("class").equals("counts"))
                    .map(ReviewPageMarkup::text).findFirst().orElse("");
            boolean destroys = elements(tr.getElementsByTagName("span")).stream().anyMatch(s -> text(s).equals("destroys data"));
            out.add(new FindingRow(section.getAttribute("id"), code.substring(1, code.length() - 1), lineAbove(tr), text(tr), counts, destroys));
        }
        return out;
    }

    FindingRow finding(String section, String code) {
        return findings().stream().filter(f -> f.section().equals(section) && f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding [" + code + "] in " + section + ": " + findings()));
    }

    private static int lineAbove(Element tr) {
        for (Node n = tr.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e && e.getTagName().equals("tr") && !e.getAttribute("class").contains("finding")) {
                return Integer.parseInt(text(elements(e.getChildNodes()).get(0)));
            }
        }
        return 0;
    }

    private static Node next(Node n) {
        Node s = n.getNextSibling();
        while (s != null && !(s instanceof Element)) s = s.getNextSibling();
        return s;
    }

    private Element byId(String id) {
        return all("*").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    private List<Element> all(String tag) {
        return elements(doc.getElementsByTagName(tag));
    }

    private static List<Element> elements(NodeList list) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) if (list.item(i) instanceof Element e) out.add(e);
        return out;
    }

    private static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ").strip();
    }
}
