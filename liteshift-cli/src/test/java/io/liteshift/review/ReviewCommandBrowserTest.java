package io.liteshift.review;

import io.liteshift.SchemaSource;
import io.liteshift.cli.Cli;
import io.liteshift.cli.ShopReviewProject;
import io.liteshift.lint.LintIssue;
import io.liteshift.migrate.MigrationLint;
import io.liteshift.migrate.MigrationDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page {@code liteshift review --db} wrote, in headless Chromium (core's {@link Chromium} and {@link Tab}), as a
 * reviewer sees it: the summary's verdict on the first screen, every table that differs between the database and
 * the migrations drawn in the diagram with its state, every finding of {@code lint --db} right below its line, and
 * no console error, no request but the file itself and no dialog. A screenshot goes to
 * {@code target/review-command.png}. Skipped, saying how to install it, where Chromium is missing.
 */
class ReviewCommandBrowserTest {
    private static final String HOW_TO_INSTALL = "Chromium is not installed, so the browser test of `liteshift review` is skipped."
            + " Install Debian's package (`apt-get install -y chromium`; .ci/run does this) or set LITESHIFT_CHROMIUM to a"
            + " Chromium or Chrome binary.";

    @TempDir
    static Path dir;
    private static Chromium chromium;
    private static Tab tab;

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> binary = Chromium.binary();
        if (binary.isEmpty()) return;
        chromium = Chromium.start(binary.get());
        tab = chromium.open();
        tab.viewport(1280, 900);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) chromium.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String expression) {
        return (List<Map<String, Object>>) tab.eval(expression);
    }

    @Test
    void aReviewerSeesTheVerdictEveryChangedTableAndEachFindingAtItsLine() throws Exception {
        assumeTrue(chromium != null, HOW_TO_INSTALL);
        ShopReviewProject shop = ShopReviewProject.create(dir.resolve("shop"));
        Path page = dir.resolve("review.html");
        Cli.Result r = shop.run("review", "--db", shop.db().toString(), "--out", page.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        URI uri = page.toUri();
        tab.emulate("", "light");
        tab.load(uri);
        tab.screenshot(Path.of("target/review-command.png"), true, 12_000);

        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) tab.eval("(() => { const v = document.getElementById('verdict');"
                + " return {text: v.innerText, visible: v.checkVisibility(), bottom: v.getBoundingClientRect().bottom}; })()");
        assertThat((String) verdict.get("text")).startsWith("Verdict: Destructive").contains("Drops table audit_log, with every row in it.");
        assertThat(verdict.get("visible")).isEqualTo(true);
        assertThat(((Number) verdict.get("bottom")).doubleValue()).as("the verdict is on the first screen").isLessThan(900);
        assertThat(r.out()).contains(tab.text("document.querySelector('#verdict li').innerText"));

        // the tables that differ between the database and the schema its pending migrations reach
        ReviewInput schemas = new ReviewInput("", "", new SchemaSource.Database(shop.db()).load().schema(),
                new SchemaSource.Migrations(shop.migrations()).load().schema(), List.of(), List.of());
        List<TableDiff> changed = SchemaChanges.of(schemas).changedTables();
        assertThat(changed).extracting(TableDiff::name).contains("customers", "orders", "audit_log");
        List<Map<String, Object>> drawn = rows("Array.from(document.querySelectorAll('#erd-changes g.table')).map(g => ({"
                + " name: g.getAttribute('data-table'), heading: g.querySelector('text.name').textContent,"
                + " visible: g.checkVisibility(), width: g.querySelector('rect.box').getBoundingClientRect().width,"
                + " tag: g.querySelector('text.tag') ? g.querySelector('text.tag').textContent : ''}))");
        for (TableDiff t : changed) {
            Map<String, Object> box = drawn.stream().filter(d -> t.name().equals(d.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(t.name() + " is not drawn: " + drawn));
            assertThat(box.get("visible")).as(t.name()).isEqualTo(true);
            assertThat(((Number) box.get("width")).doubleValue()).as(t.name()).isGreaterThan(100);
            assertThat((String) box.get("heading")).as(t.name()).endsWith(" " + t.name());
            assertThat((String) box.get("tag")).as(t.name()).isIn("ADDED", "DROPPED", "CHANGED", "REBUILT");
        }
        assertThat(drawn).filteredOn(d -> "customers".equals(d.get("name"))).extracting(d -> d.get("tag"))
                .as("the migration copies customers").containsExactly(State.REBUILT.word().toUpperCase(Locale.ROOT));

        List<LintIssue> issues = MigrationLint.lint(MigrationDirectory.of(shop.migrations()), shop.db(), 0).issues();
        List<Map<String, Object>> findings = rows("Array.from(document.querySelectorAll('tr.finding')).map(tr => {"
                + " let line = tr.previousElementSibling; while (line && line.classList.contains('finding')) line = line.previousElementSibling;"
                + " return {file: tr.closest('section.migration').querySelector('h3').innerText, text: tr.innerText,"
                + " line: line ? line.querySelector('th').innerText : '', visible: tr.checkVisibility(),"
                + " gap: tr.getBoundingClientRect().top - tr.previousElementSibling.getBoundingClientRect().bottom}; })");
        assertThat(findings).hasSize(issues.size());
        for (LintIssue issue : issues) {
            assertThat(findings).as(issue.toString()).anySatisfy(f -> {
                assertThat(f.get("file")).isEqualTo(issue.file());
                assertThat((String) f.get("text")).contains("[" + issue.code() + "]");
                assertThat(f.get("line")).as("stands below its line").isEqualTo(String.valueOf(issue.line()));
                assertThat(f.get("visible")).isEqualTo(true);
                assertThat(Math.abs(((Number) f.get("gap")).doubleValue())).as("touches the row above it").isLessThan(1.5);
            });
        }

        assertThat(tab.errors()).as("console errors, exceptions and browser log entries").isEmpty();
        assertThat(tab.requests()).as("requests").containsExactly(uri.toString());
        assertThat(tab.blocked()).as("requests the policy stopped").isEmpty();
        assertThat(tab.dialogs()).isEmpty();
    }
}
