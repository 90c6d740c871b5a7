package io.liteshift.review;

import io.liteshift.sqlite.Bytes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The top of the page, what a reviewer decides from in ten seconds: the verdict with its reasons, the figures
 * (tables by change, destructive steps, errors, warnings, the longest lock, the rehearsal), and every finding,
 * errors first, each linking to its line.
 */
record SummarySection(Overview overview, StringBuilder out) {

    void write() {
        Verdict v = overview.verdict();
        String level = v.level().name().toLowerCase(Locale.ROOT).replace('_', '-');
        out.append("<section id=\"summary\" aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">Summary</h2>\n")
                .append("<div class=\"verdict v-").append(level).append("\" id=\"verdict\">\n<p class=\"level\">Verdict: ")
                .append(v.level().label()).append("</p>\n<ul>\n");
        for (String r : v.reasons()) out.append("<li>").append(Html.text(r)).append("</li>\n");
        out.append("</ul>\n</div>\n<dl class=\"figures\">\n");
        figure("Tables", tables());
        figure("Destructive steps", Figures.count(overview.destructiveSteps()));
        figure("Errors", Figures.count(overview.count(Finding.Severity.ERROR)));
        figure("Warnings", Figures.count(overview.count(Finding.Severity.WARNING)));
        out.append("<div><dt>Longest estimated lock</dt><dd>");
        Located lock = overview.longestLock();
        if (lock == null) {
            out.append("<span class=\"muted\">not estimated</span>");
        } else {
            out.append("<a href=\"#").append(lock.anchor()).append("\">")
                    .append(Figures.duration(lock.finding().counts().estimatedLock())).append("</a> <span class=\"muted\">")
                    .append(Html.text(lock.where())).append("</span>");
        }
        out.append("</dd></div>\n");
        figure("Migrations", Figures.count(overview.input().migrations().size()));
        rehearsal();
        out.append("</dl>\n");
        findings();
        out.append("</section>\n");
    }

    private void figure(String name, String value) {
        out.append("<div><dt>").append(name).append("</dt><dd>").append(Html.text(value)).append("</dd></div>\n");
    }

    private String tables() {
        SchemaChanges c = overview.changes();
        List<String> parts = new ArrayList<>();
        for (State s : List.of(State.ADDED, State.DROPPED, State.CHANGED, State.REBUILT)) {
            long n = c.count(s);
            if (n > 0) parts.add(Figures.count(n) + " " + s.word());
        }
        String changed = parts.isEmpty() ? "none changed" : String.join(", ", parts);
        return changed + " of " + Figures.count(c.tables().size());
    }

    private void rehearsal() {
        List<Rehearsal> measured = overview.input().migrations().stream().map(Migration::rehearsal).filter(Objects::nonNull).toList();
        if (measured.isEmpty()) return;
        Duration took = measured.stream().map(Rehearsal::took).reduce(Duration.ZERO, Duration::plus);
        String sizes = Bytes.of(measured.get(0).sizeBefore()) + " to " + Bytes.of(measured.get(measured.size() - 1).sizeAfter());
        figure("Rehearsal", Figures.duration(took) + ", " + sizes);
    }

    private void findings() {
        out.append("<h3 id=\"findings-heading\">Findings</h3>\n");
        if (overview.findings().isEmpty()) {
            out.append("<p id=\"findings\">No findings.</p>\n");
            return;
        }
        out.append("<table id=\"findings\">\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Code</th>"
                + "<th scope=\"col\">Where</th><th scope=\"col\">What</th></tr></thead>\n<tbody>\n");
        List<Located> sorted = overview.findings().stream().sorted(Comparator.comparing((Located l) -> l.finding().severity())).toList();
        for (Located l : sorted) {
            Finding f = l.finding();
            out.append("<tr class=\"sev-").append(f.severity().label()).append("\"><td><span class=\"sev\">").append(f.severity().label())
                    .append("</span>").append(f.destroysData() ? " <span class=\"state st-dropped\">destroys data</span>" : "")
                    .append("</td><td><code>").append(Html.text(f.code())).append("</code></td><td><a href=\"#").append(l.anchor())
                    .append("\">").append(Html.text(l.where())).append("</a></td><td>").append(Html.text(f.message())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
