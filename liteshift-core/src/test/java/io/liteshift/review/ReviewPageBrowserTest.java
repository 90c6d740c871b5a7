package io.liteshift.review;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in a real browser, as a person sees it: headless Chromium (one browser for the class) loads the files,
 * and the test reads what is rendered: the verdict on the first screen, every changed table drawn in the
 * diagram, each finding right below its line, the summary's links landing on their findings, the toggle of the
 * full diagram, the dark and print themes, the 150-table diagram's boxes as laid out by the browser, and no console
 * error, no network request and no dialog on any page. Screenshots and a PDF go to {@code target/} for the record.
 * Skipped, saying how to install it, where Chromium is missing.
 */
class ReviewPageBrowserTest {
    private static final String HOW_TO_INSTALL = "Chromium is not installed, so the review page's browser test is skipped."
            + " Install Debian's package (`apt-get install -y chromium`; .ci/run does this) or set LITESHIFT_CHROMIUM to a"
            + " Chromium or Chrome binary.";
    private static final Path OUT = Path.of("target");

    private static Chromium chromium;
    private static Tab tab;

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> binary = Chromium.binary();
        if (binary.isEmpty()) return; // each test is then skipped, with the note below
        chromium = Chromium.start(binary.get());
        tab = chromium.open();
        tab.viewport(1280, 900);
    }

    @BeforeEach
    void needsBrowser() {
        assumeTrue(chromium != null, HOW_TO_INSTALL);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) chromium.close();
    }

    private static URI page(String name, String html) throws IOException {
        Path file = OUT.resolve("review-pages").resolve(name + ".html").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file.toUri();
    }

    /** Loads the page and checks what must hold on every page: nothing reported, nothing requested, no dialog. */
    private static URI loadCleanly(String name, ReviewInput in) throws IOException {
        URI uri = page(name, ReviewPage.render(in));
        tab.emulate("", "light");
        tab.load(uri);
        assertThat(tab.errors()).as("console errors, exceptions and browser log entries on " + name).isEmpty();
        assertThat(tab.requests()).as("requests of " + name).containsExactly(uri.toString());
        assertThat(tab.blocked()).as("requests of " + name + " its policy stopped").isEmpty();
        assertThat(tab.dialogs()).as("dialogs opened by " + name).isEmpty();
        return uri;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String expression) {
        return (List<Map<String, Object>>) tab.eval(expression);
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void a_reviewer_sees_the_verdict_every_changed_table_and_each_finding_at_its_line() throws IOException {
        ReviewInput shop = Fixtures.shop();
        loadCleanly("shop", shop);
        tab.screenshot(OUT.resolve("review.png"), true, 12_000);

        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) tab.eval("(() => { const v = document.getElementById('verdict');"
                + " const r = v.getBoundingClientRect(); return {text: v.innerText, visible: v.checkVisibility(), bottom: r.bottom}; })()");
        assertThat((String) verdict.get("text")).startsWith("Verdict: Destructive").contains("Drops table audit_log, with every row in it.");
        assertThat(verdict.get("visible")).isEqualTo(true);
        assertThat(number(verdict.get("bottom"))).as("the verdict is on the first screen").isLessThan(900);
        assertThat(tab.text("document.querySelector('.figures').innerText"))
                .contains("Tables\n1 added, 1 dropped, 2 changed, 1 rebuilt of 8", "Destructive steps\n3", "Errors\n1", "Warnings\n4",
                        "Longest estimated lock\n1.4 s");

        List<Map<String, Object>> drawn = rows("Array.from(document.querySelectorAll('#erd-changes g.table')).map(g => {"
                + " const box = g.querySelector('rect.box').getBoundingClientRect(); const tag = g.querySelector('text.tag');"
                + " return {name: g.getAttribute('data-table'), heading: g.querySelector('text.name').textContent,"
                + " tag: tag ? tag.textContent : '', visible: g.checkVisibility(), width: box.width, height: box.height}; })");
        for (TableDiff t : SchemaChanges.of(shop).changedTables()) {
            Map<String, Object> box = drawn.stream().filter(d -> t.name().equals(d.get("name"))).findFirst().orElseThrow(
                    () -> new AssertionError(t.name() + " is not drawn in the diagram of the changes: " + drawn));
            assertThat(box.get("visible")).as(t.name()).isEqualTo(true);
            assertThat(number(box.get("width"))).as(t.name()).isGreaterThan(100);
            assertThat((String) box.get("heading")).as(t.name()).isEqualTo(t.state().mark() + " " + t.name());
            assertThat((String) box.get("tag")).as(t.name()).isEqualTo(t.state().word().toUpperCase(Locale.ROOT));
        }

        List<Map<String, Object>> findings = rows("Array.from(document.querySelectorAll('tr.finding')).map(tr => {"
                + " let line = tr.previousElementSibling; while (line && line.classList.contains('finding')) line = line.previousElementSibling;"
                + " const above = tr.previousElementSibling.getBoundingClientRect(); const r = tr.getBoundingClientRect();"
                + " return {section: tr.closest('section.migration').id, text: tr.innerText, line: line ? line.querySelector('th').innerText : '',"
                + " gap: r.top - above.bottom, visible: tr.checkVisibility(), left: r.left, lineLeft: line ? line.getBoundingClientRect().left : -1}; })");
        int expected = 0;
        for (int m = 0; m < shop.migrations().size(); m++) {
            for (Finding f : shop.migrations().get(m).findings()) {
                expected++;
                String section = "m" + (m + 1);
                Map<String, Object> row = findings.stream().filter(r -> section.equals(r.get("section"))
                        && ((String) r.get("text")).contains("[" + f.code() + "]")).findFirst().orElseThrow();
                assertThat((String) row.get("text")).as(f.code()).contains(f.message());
                assertThat(row.get("line")).as(f.code() + " stands below its line").isEqualTo(String.valueOf(f.line()));
                assertThat(Math.abs(number(row.get("gap")))).as(f.code() + " touches the row above it").isLessThan(1.5);
                assertThat(row.get("visible")).as(f.code()).isEqualTo(true);
            }
        }
        assertThat(findings).hasSize(expected);

        @SuppressWarnings("unchecked")
        Map<String, Object> jump = (Map<String, Object>) tab.eval("(() => { document.querySelector('#findings a[href=\"#m2-f2\"]').click();"
                + " return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {"
                + " const r = document.getElementById('m2-f2').getBoundingClientRect();"
                + " done({hash: location.hash, top: r.top, bottom: r.bottom, height: innerHeight, text: document.getElementById('m2-f2').innerText}); }))); })()");
        assertThat(jump.get("hash")).isEqualTo("#m2-f2");
        assertThat(number(jump.get("top"))).as("the finding scrolled into view").isBetween(0.0, number(jump.get("height")) - 10);
        assertThat((String) jump.get("text")).contains("[not-null]");
        assertThat(tab.errors()).isEmpty();
        assertThat(tab.requests()).as("a jump inside the page requests nothing").hasSize(1);
    }

    @Test
    void the_dark_theme_is_dark_and_print_is_light_with_the_full_diagram_expanded() throws IOException {
        loadCleanly("shop-themes", Fixtures.shop());
        String colours = "(() => { const box = document.querySelector('#erd-changes rect.box'); const b = getComputedStyle(document.body);"
                + " return [b.backgroundColor, b.color, getComputedStyle(box).fill, String(document.getElementById('erd-all').checkVisibility()),"
                + " getComputedStyle(document.querySelector('nav')).display]; })()";
        assertThat(tab.eval(colours)).isEqualTo(List.of("rgb(255, 255, 255)", "rgb(27, 31, 36)", "rgb(255, 255, 255)", "false", "block"));
        tab.emulate("", "dark");
        assertThat(tab.eval(colours)).isEqualTo(List.of("rgb(13, 17, 23)", "rgb(230, 237, 243)", "rgb(22, 27, 34)", "false", "block"));
        tab.screenshot(OUT.resolve("review-dark.png"), false, 0);
        tab.emulate("print", "dark");
        assertThat(tab.eval(colours)).as("print is light even for a dark preference, the closed diagram shows, the contents do not")
                .isEqualTo(List.of("rgb(255, 255, 255)", "rgb(27, 31, 36)", "rgb(255, 255, 255)", "true", "none"));

        tab.emulate("", "light");
        tab.eval("window.openWhilePrinting = null; addEventListener('beforeprint', () => { window.openWhilePrinting ="
                + " Array.from(document.querySelectorAll('details')).map(d => d.open); })");
        String pdf = (String) tab.call("Page.printToPDF", Map.of("printBackground", true)).get("data");
        byte[] bytes = Base64.getDecoder().decode(pdf);
        Files.write(OUT.resolve("review.pdf"), bytes);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(tab.eval("window.openWhilePrinting")).as("every <details> open while printing").isEqualTo(List.of(true));
        assertThat(tab.eval("document.getElementById('all-tables').open")).as("closed again after printing").isEqualTo(false);
        assertThat(tab.errors()).isEmpty();
    }

    @Test
    void the_150_table_diagram_toggles_without_network_and_its_boxes_neither_overlap_nor_cut_their_text() throws IOException {
        ReviewInput wide = Fixtures.wide();
        loadCleanly("wide-150", wide);
        assertThat(tab.eval("document.getElementById('erd-all').checkVisibility()")).as("the full diagram starts closed").isEqualTo(false);
        tab.eval("document.querySelector('#all-tables summary').click()");
        assertThat(tab.eval("document.getElementById('erd-all').checkVisibility()")).as("a click on its summary opens it").isEqualTo(true);
        tab.eval("document.querySelectorAll('.scroll').forEach(s => s.style.maxHeight = 'none')"); // the whole diagram, for the record
        tab.screenshotOf("#erd-changes", OUT.resolve("review-150-changes.png"));

        for (String svg : List.of("erd-changes", "erd-all")) {
            List<Map<String, Object>> boxes = rows("Array.from(document.querySelectorAll('#" + svg + " g.table')).map(g => {"
                    + " const b = g.querySelector('rect.box').getBBox();"
                    + " const right = Math.max(...Array.from(g.querySelectorAll('text')).map(t => { const r = t.getBBox(); return r.x + r.width; }));"
                    + " return {name: g.getAttribute('data-table') || g.id, x: b.x, y: b.y, w: b.width, h: b.height, textRight: right}; })");
            if (svg.equals("erd-all")) assertThat(boxes).as("150 tables and the one added").hasSize(151);
            List<Layout.Rect> rects = new ArrayList<>();
            for (Map<String, Object> b : boxes) {
                rects.add(new Layout.Rect((int) number(b.get("x")), (int) number(b.get("y")), (int) number(b.get("w")), (int) number(b.get("h"))));
                assertThat(number(b.get("textRight"))).as("%s: the text of %s stays inside its box", svg, b.get("name"))
                        .isLessThanOrEqualTo(number(b.get("x")) + number(b.get("w")));
            }
            for (int i = 0; i < rects.size(); i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    assertThat(rects.get(i).overlaps(rects.get(j))).as("%s: %s and %s overlap", svg, boxes.get(i).get("name"),
                            boxes.get(j).get("name")).isFalse();
                }
            }
        }
        assertThat(tab.errors()).isEmpty();
        assertThat(tab.requests()).hasSize(1);
    }

    @Test
    void hostile_names_run_no_script_load_nothing_and_read_as_written() throws IOException {
        loadCleanly("hostile", Fixtures.hostile());
        assertThat(tab.eval("document.scripts.length")).isEqualTo(1);
        assertThat(tab.eval("document.images.length")).isEqualTo(0);
        assertThat(tab.eval("document.querySelectorAll('b, iframe, object, embed, link').length")).isEqualTo(0);
        String seen = tab.text("document.body.innerText");
        assertThat(seen).contains(Fixtures.HOSTILE_TABLE, Fixtures.HOSTILE_COLUMN, "admin[U+202E]resu",
                "message with </td></tr></table><script>alert(3)</script>", "0002_<img src=x onerror=alert(2)>.sql");
        assertThat(tab.text("document.title")).isEqualTo("Review of \"<b>hostile</b>\" & friends: Needs attention");
    }

    @Test
    void the_watch_catches_requests_errors_and_dialogs_and_the_policy_blocks_what_is_injected() throws IOException {
        URI open = page("control-open", "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/probe.png\">"
                + "<script>console.error('control error'); alert('control dialog');</script></body></html>");
        tab.load(open);
        assertThat(tab.requests()).contains("http://127.0.0.1:9/probe.png");
        assertThat(tab.errors()).anyMatch(e -> e.contains("control error"));
        assertThat(tab.dialogs()).containsExactly("alert: control dialog");

        String page = ReviewPage.render(Fixtures.safe());
        String injected = page.replace("<main>", "<main><img src=\"http://127.0.0.1:9/injected.png\"/><script>alert('injected')</script>");
        assertThat(injected).isNotEqualTo(page);
        tab.load(page("control-injected", injected));
        assertThat(tab.requests()).as("the policy lets no request out").noneMatch(r -> r.startsWith("http"));
        assertThat(tab.blocked()).as("it stopped the injected image").containsExactly("http://127.0.0.1:9/injected.png");
        assertThat(tab.dialogs()).as("nor an injected script run").isEmpty();
        assertThat(tab.errors()).as("and the browser says so").anyMatch(e -> e.contains("Content Security Policy"));
    }
}
