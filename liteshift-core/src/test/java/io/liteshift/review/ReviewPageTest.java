package io.liteshift.review;

import io.liteshift.Golden;
import io.liteshift.schema.Index;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page without a browser: its structure and a few whole pages pinned in golden files
 * ({@code -Dliteshift.updateGolden=true} rewrites them), determinism, escaping of hostile names, the policy that
 * keeps it offline, and the diagram's geometry on 150 tables.
 */
class ReviewPageTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-review");

    @Test
    void outlines_match_their_golden_files() throws Exception {
        Golden.check(GOLDEN.resolve("shop.outline.txt"), Outline.of(ReviewPage.render(Fixtures.shop())));
        Golden.check(GOLDEN.resolve("safe.outline.txt"), Outline.of(ReviewPage.render(Fixtures.safe())));
        Golden.check(GOLDEN.resolve("hostile.outline.txt"), Outline.of(ReviewPage.render(Fixtures.hostile())));
        Golden.check(GOLDEN.resolve("wide-150.outline.txt"), Outline.of(ReviewPage.render(Fixtures.wide())));
    }

    @Test
    void small_pages_match_their_golden_files_byte_for_byte() throws Exception {
        Golden.check(GOLDEN.resolve("safe.html"), ReviewPage.render(Fixtures.safe()));
        Golden.check(GOLDEN.resolve("hostile.html"), ReviewPage.render(Fixtures.hostile()));
    }

    @Test
    void the_same_input_gives_the_same_bytes_whatever_order_the_schema_lists_its_tables_in() {
        ReviewInput shop = Fixtures.shop();
        String page = ReviewPage.render(shop);
        assertThat(ReviewPage.render(Fixtures.shop())).isEqualTo(page);
        ReviewInput shuffled = new ReviewInput(shop.title(), shop.context(), reversed(shop.before()), reversed(shop.after()),
                shop.renames(), shop.migrations());
        assertThat(ReviewPage.render(shuffled)).isEqualTo(page);
    }

    private static Schema reversed(Schema s) {
        List<Table> tables = new ArrayList<>(s.tables());
        Collections.reverse(tables);
        List<Index> indexes = new ArrayList<>(s.indexes());
        Collections.reverse(indexes);
        return new Schema(tables, indexes, s.views(), s.triggers(), s.virtualTables());
    }

    @Test
    void hostile_names_and_text_are_shown_as_text_and_never_become_markup() {
        String page = ReviewPage.render(Fixtures.hostile());
        PageDom dom = PageDom.parse(page);
        assertThat(dom.all("script")).hasSize(1);
        assertThat(dom.all("script").get(0).getTextContent()).isEqualTo(Styles.SCRIPT);
        assertThat(dom.all("style")).hasSize(1);
        Set<String> tags = dom.all("*").stream().map(Element::getTagName).collect(Collectors.toSet());
        assertThat(tags).doesNotContain("img", "iframe", "object", "embed", "link", "base", "form", "b", "td-injected");
        List<String> handlers = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Element e : dom.all("*")) {
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                Attr a = (Attr) e.getAttributes().item(i);
                if (a.getName().toLowerCase().startsWith("on")) handlers.add(e.getTagName() + " " + a.getName());
                boolean reference = a.getName().equals("href") || a.getName().equals("src") || a.getName().endsWith(":href");
                if (reference && !a.getValue().startsWith("#")) outside.add(a.getValue());
            }
        }
        assertThat(handlers).as("event handler attributes").isEmpty();
        assertThat(outside).as("references that leave the page").isEmpty();
        String text = dom.doc.getDocumentElement().getTextContent();
        assertThat(text).contains(Fixtures.HOSTILE_TABLE, Fixtures.HOSTILE_COLUMN, "admin[U+202E]resu", "x\u2407y",
                "message with </td></tr></table><script>alert(3)</script>", "Review of \"<b>hostile</b>\" & friends");
        assertThat(page).doesNotContain("\u202E", "\u0007");
        assertThat(dom.all("g").stream().filter(g -> PageDom.hasClass(g, "table")).map(g -> g.getAttribute("data-table")))
                .contains(Fixtures.HOSTILE_TABLE, Fixtures.UNICODE_TABLE);
    }

    @Test
    void the_policy_allows_exactly_the_inline_style_and_script_and_no_request() throws Exception {
        PageDom dom = PageDom.parse(ReviewPage.render(Fixtures.shop()));
        Element meta = dom.all("meta").stream().filter(m -> m.getAttribute("http-equiv").equals("Content-Security-Policy"))
                .findFirst().orElseThrow();
        String policy = meta.getAttribute("content");
        assertThat(policy).startsWith("default-src 'none';").contains("connect-src 'none'", "img-src 'none'", "font-src 'none'",
                "base-uri 'none'", "form-action 'none'");
        assertThat(policy).contains("style-src '" + sha256(dom.all("style").get(0).getTextContent()) + "'");
        assertThat(policy).contains("script-src '" + sha256(dom.all("script").get(0).getTextContent()) + "'");
        assertThat(policy).doesNotContain("unsafe-inline", "http:", "https:", "data:", "*");
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void every_link_inside_the_page_reaches_an_element() {
        for (ReviewInput in : List.of(Fixtures.shop(), Fixtures.safe(), Fixtures.hostile())) {
            PageDom dom = PageDom.parse(ReviewPage.render(in));
            Set<String> ids = dom.all(e -> !e.getAttribute("id").isEmpty()).stream().map(e -> e.getAttribute("id")).collect(Collectors.toSet());
            List<String> targets = new ArrayList<>();
            dom.all("a").forEach(a -> targets.add(a.getAttribute("href").substring(1)));
            dom.all(e -> !e.getAttribute("aria-labelledby").isEmpty())
                    .forEach(e -> targets.addAll(List.of(e.getAttribute("aria-labelledby").split(" "))));
            assertThat(ids).as(in.title()).containsAll(targets);
            assertThat(dom.all(e -> !e.getAttribute("id").isEmpty())).as("ids are unique in " + in.title()).hasSize(ids.size());
        }
    }

    @Test
    void each_finding_stands_right_below_its_line_and_the_summary_links_to_it() {
        ReviewInput shop = Fixtures.shop();
        PageDom dom = PageDom.parse(ReviewPage.render(shop));
        for (int m = 0; m < shop.migrations().size(); m++) {
            List<Finding> findings = shop.migrations().get(m).findings();
            for (Finding f : findings) {
                Element row = dom.all(e -> PageDom.hasClass(e, "finding") && PageDom.text(e).contains("[" + f.code() + "]")).get(0);
                assertThat(Outline.lineAbove(row)).as(f.code()).isEqualTo("line " + f.line());
                assertThat(row.getAttribute("id")).startsWith("m" + (m + 1) + "-f");
                assertThat(PageDom.text(dom.byId("findings"))).contains(f.message());
            }
        }
        List<String> summaryLinks = PageDom.elements(dom.byId("findings").getElementsByTagName("a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(summaryLinks).hasSize(8).allMatch(h -> h.matches("#m[12]-f\\d"));
    }

    @Test
    void a_review_with_nothing_in_it_and_one_of_a_new_database_render_whole_pages() {
        ReviewInput nothing = new ReviewInput("", "", Schema.EMPTY, Schema.EMPTY, List.of(), List.of(
                new Migration("0001_empty.sql", "", List.of(), List.of(), null)));
        PageDom empty = PageDom.parse(ReviewPage.render(nothing));
        assertThat(PageDom.text(empty.byId("verdict"))).isEqualTo("Verdict: Safe Nothing changes: the two schemas are the same.");
        assertThat(PageDom.text(empty.all("h1").get(0))).isEqualTo("Schema review");
        assertThat(empty.all("svg")).isEmpty();
        assertThat(PageDom.text(empty.byId("m1-sql"))).endsWith("The file is empty.");

        ReviewInput shop = Fixtures.shop();
        ReviewInput fresh = new ReviewInput("New database", "", Schema.EMPTY, shop.after(), List.of(), List.of());
        PageDom created = PageDom.parse(ReviewPage.render(fresh));
        assertThat(PageDom.text(created.byId("verdict"))).startsWith("Verdict: Safe");
        assertThat(created.all(e -> PageDom.hasClass(e, "table") && e.getTagName().equals("g")))
                .as("every table added, none collapsed, so one diagram").hasSize(shop.after().tables().size())
                .allMatch(g -> PageDom.hasClass(g, "st-added"));
        assertThat(PageDom.text(created.byId("migrations"))).contains("Nothing runs: no migration is pending, or the two schemas need no step between them.");
    }

    @Test
    void the_diagram_of_150_tables_has_no_overlapping_boxes_and_the_page_stays_small() {
        String page = ReviewPage.render(Fixtures.wide());
        PageDom dom = PageDom.parse(page);
        for (String svg : List.of("erd-changes", "erd-all")) {
            List<Layout.Rect> boxes = dom.boxes(svg);
            String[] viewBox = dom.byId(svg).getAttribute("viewBox").split(" ");
            int width = Integer.parseInt(viewBox[2]);
            int height = Integer.parseInt(viewBox[3]);
            for (int i = 0; i < boxes.size(); i++) {
                Layout.Rect a = boxes.get(i);
                assertThat(a.x() >= 0 && a.y() >= 0 && a.x() + a.width() <= width && a.y() + a.height() <= height)
                        .as("%s box %s inside the view box %sx%s", svg, a, width, height).isTrue();
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertThat(a.overlaps(boxes.get(j))).as("%s: %s and %s overlap", svg, a, boxes.get(j)).isFalse();
                }
            }
        }
        assertThat(dom.boxes("erd-all")).as("150 tables before, one added").hasSize(151);
        assertThat(dom.boxes("erd-changes")).as("5 changed, their neighbours, one block").hasSizeLessThan(20);
        assertThat(page.getBytes(StandardCharsets.UTF_8).length).as("bytes").isLessThan(400_000);
    }
}
