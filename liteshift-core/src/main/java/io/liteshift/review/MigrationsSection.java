package io.liteshift.review;

import io.liteshift.sqlite.Bytes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each migration: its rehearsal figures, its steps (lines, what they do, which tables they rebuild and why) and its
 * SQL with line numbers, every finding in a row right below the line it is about (findings about the whole file
 * come first). Lines and findings have ids ({@code m1-L12}, {@code m1-f2}) that the summary and the steps link to.
 */
record MigrationsSection(Overview overview, StringBuilder out) {

    void write() {
        out.append("<section id=\"migrations\" aria-labelledby=\"migrations-heading\">\n<h2 id=\"migrations-heading\">Migrations</h2>\n");
        List<Migration> migrations = overview.input().migrations();
        if (migrations.isEmpty()) out.append("<p>Nothing runs: no migration is pending, or the two schemas need no step between them.</p>\n");
        for (int i = 0; i < migrations.size(); i++) migration(i + 1, migrations.get(i));
        out.append("</section>\n");
    }

    private void migration(int n, Migration m) {
        String id = "m" + n;
        List<Located> findings = overview.findingsOf(n);
        List<String> lines = SqlLines.of(m.sql());
        out.append("<section class=\"migration\" id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-heading\">\n<h3 id=\"")
                .append(id).append("-heading\"><code>").append(Html.text(m.fileName())).append("</code></h3>\n<p class=\"muted\">")
                .append(Html.text(intro(m, lines.size(), findings))).append("</p>\n");
        if (m.rehearsal() != null) rehearsal(id, m.rehearsal());
        steps(id, m);
        out.append("<h4 id=\"").append(id).append("-sql-heading\">SQL</h4>\n<div class=\"sql-scroll\">\n<table class=\"sql\" id=\"").append(id)
                .append("-sql\" aria-labelledby=\"").append(id).append("-sql-heading\">\n<thead class=\"visually-hidden\"><tr>"
                        + "<th scope=\"col\">Line</th><th scope=\"col\">SQL, with each finding below its line</th></tr></thead>\n<tbody>\n");
        if (lines.isEmpty()) out.append("<tr><td colspan=\"2\"><span class=\"muted\">The file is empty.</span></td></tr>\n");
        findings.stream().filter(l -> l.finding().line() == 0).forEach(this::finding);
        for (int line = 1; line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            out.append("<tr id=\"").append(id).append("-L").append(line).append("\"><th scope=\"row\">").append(line)
                    .append("</th><td><code>").append(text.isEmpty() ? " " : Html.text(text)).append("</code></td></tr>\n");
            int at = line;
            findings.stream().filter(l -> l.finding().line() == at).forEach(this::finding);
        }
        out.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static String intro(Migration m, int lines, List<Located> findings) {
        List<String> parts = new ArrayList<>();
        parts.add(Figures.count(lines, "line"));
        for (Finding.Severity s : Finding.Severity.values()) {
            long n = findings.stream().filter(l -> l.finding().severity() == s).count();
            if (n > 0) parts.add(Figures.count(n, s == Finding.Severity.INFO ? "note" : s.label()));
        }
        Set<String> rebuilt = new LinkedHashSet<>();
        m.steps().forEach(s -> s.rebuilds().forEach(r -> rebuilt.add(r.table())));
        String text = String.join(", ", parts) + ".";
        return rebuilt.isEmpty() ? text : text + " Rebuilds " + String.join(", ", rebuilt) + ".";
    }

    private void rehearsal(String id, Rehearsal r) {
        out.append("<h4 id=\"").append(id).append("-rehearsal-heading\">Rehearsal</h4>\n<table id=\"").append(id)
                .append("-rehearsal\" aria-labelledby=\"").append(id).append("-rehearsal-heading\">\n<thead><tr><th scope=\"col\">Took</th>"
                        + "<th scope=\"col\">Rows changed</th><th scope=\"col\">Size before</th><th scope=\"col\">Size after</th>"
                        + "<th scope=\"col\">Size change</th></tr></thead>\n<tbody><tr><td>")
                .append(Figures.duration(r.took())).append("</td><td>").append(Figures.count(r.rowsChanged())).append("</td><td>")
                .append(Bytes.of(r.sizeBefore())).append("</td><td>").append(Bytes.of(r.sizeAfter())).append("</td><td>")
                .append(Figures.bytesDelta(r.sizeAfter() - r.sizeBefore())).append("</td></tr></tbody>\n</table>\n");
    }

    private void steps(String id, Migration m) {
        out.append("<h4 id=\"").append(id).append("-steps-heading\">Steps</h4>\n");
        if (m.steps().isEmpty()) {
            out.append("<p>No steps are described for this file.</p>\n");
            return;
        }
        out.append("<table id=\"").append(id).append("-steps\" aria-labelledby=\"").append(id).append("-steps-heading\">\n<thead><tr>"
                + "<th scope=\"col\">Lines</th><th scope=\"col\">What it does</th><th scope=\"col\">Rebuilds</th></tr></thead>\n<tbody>\n");
        for (Step s : m.steps()) {
            out.append("<tr><td><a href=\"#").append(id).append("-L").append(s.firstLine()).append("\">").append(s.firstLine())
                    .append(s.lastLine() == s.firstLine() ? "" : "\u2013" + s.lastLine()).append("</a></td><td>")
                    .append(Html.text(s.description())).append("</td><td>");
            if (s.rebuilds().isEmpty()) {
                out.append("<span class=\"muted\">none</span>");
            } else {
                out.append("<ul>");
                for (Step.Rebuild r : s.rebuilds()) {
                    out.append("<li><strong>").append(Html.text(r.table())).append("</strong>: ").append(Html.text(r.reason())).append("</li>");
                }
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void finding(Located l) {
        Finding f = l.finding();
        out.append("<tr class=\"finding sev-").append(f.severity().label()).append("\" id=\"").append(l.anchor()).append("\"><td colspan=\"2\">")
                .append("<p><span class=\"sev\">").append(f.severity().label()).append("</span> <code>[").append(Html.text(f.code()))
                .append("]</code> <span class=\"visually-hidden\">")
                .append(f.line() == 0 ? "about the whole file" : "on line " + f.line()).append(":</span> ");
        if (f.destroysData()) out.append("<span class=\"state st-dropped\">destroys data</span> ");
        out.append(Html.text(f.message())).append("</p>");
        if (!f.fix().isEmpty()) out.append("<p class=\"fix\">").append(Html.text(f.fix())).append("</p>");
        String counts = counts(f);
        if (!counts.isEmpty()) out.append("<p class=\"counts\">").append(Html.text(counts)).append("</p>");
        out.append("</td></tr>\n");
    }

    /** "rows affected: 37; sample keys: id 27, id 54; 3.1 MiB; estimated lock: 1.4 s". */
    private static String counts(Finding f) {
        Counts c = f.counts();
        List<String> parts = new ArrayList<>();
        if (!f.subject().isEmpty()) parts.add("on " + f.subject());
        if (c.rowsAffected() != null) parts.add("rows affected: " + Figures.count(c.rowsAffected()));
        if (!c.sampleKeys().isEmpty()) parts.add("sample keys: " + String.join(", ", c.sampleKeys()));
        if (c.bytes() != null) parts.add("size: " + Bytes.of(c.bytes()));
        if (c.estimatedLock() != null) parts.add("estimated lock: " + Figures.duration(c.estimatedLock()));
        return String.join("; ", parts);
    }
}
