package io.liteshift.review;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A rendered page read back with the JDK's XML parser: the page is written as well-formed XML, so this is both a
 * check of that and the way the tests walk it (no HTML parser needed). External entities and DTDs are refused.
 */
final class PageDom {
    final Document doc;

    private PageDom(Document doc) {
        this.doc = doc;
    }

    static PageDom parse(String html) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return new PageDom(f.newDocumentBuilder().parse(new InputSource(new StringReader(html))));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed XML: " + e.getMessage(), e);
        }
    }

    List<Element> all(String tag) {
        return elements(doc.getElementsByTagName(tag));
    }

    List<Element> all(Predicate<Element> which) {
        return all("*").stream().filter(which).toList();
    }

    Element byId(String id) {
        return all(e -> id.equals(e.getAttribute("id"))).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    static List<Element> elements(NodeList list) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) if (list.item(i) instanceof Element e) out.add(e);
        return out;
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c);
        return out;
    }

    static boolean hasClass(Element e, String cssClass) {
        return List.of(e.getAttribute("class").split(" ")).contains(cssClass);
    }

    /** The element's text with runs of whitespace as one space. */
    static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ").strip();
    }

    /** The box rectangles of one diagram, as the layout's rectangles. */
    List<Layout.Rect> boxes(String svgId) {
        return PageDom.elements(byId(svgId).getElementsByTagName("rect")).stream().filter(r -> hasClass(r, "box"))
                .map(r -> new Layout.Rect(integer(r, "x"), integer(r, "y"), integer(r, "width"), integer(r, "height"))).toList();
    }

    static int integer(Element e, String attribute) {
        return Integer.parseInt(e.getAttribute(attribute));
    }
}
