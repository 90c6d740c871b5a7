package io.liteshift.distribution;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The BOM has no parent (so it imports no third-party versions): its version is written out and must follow the build's. */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("liteshift.root"));

    @Test
    void theBomHasTheBuildsVersionAndListsEveryPublishedModule() throws Exception {
        Document bom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("liteshift-bom/pom.xml").toFile());
        Element project = bom.getDocumentElement();
        assertThat(child(project, "parent")).as("a BOM with a parent would import the parent's dependencyManagement").isNull();
        assertThat(child(project, "version").getTextContent()).isEqualTo(System.getProperty("liteshift.version"));
        List<String> managed = new ArrayList<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertThat(child(d, "groupId").getTextContent()).isEqualTo("io.liteshift");
            assertThat(child(d, "version").getTextContent()).isEqualTo("${project.version}");
            managed.add(child(d, "artifactId").getTextContent());
        }
        assertThat(managed).contains("liteshift-core", "liteshift-cli", "liteshift-maven-plugin", "liteshift-spring-boot-starter");
    }

    private static Element child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }
}
