package io.liteshift.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's frame: the head with its policy, the banner, the contents, the three sections and the footer. The
 * Content-Security-Policy allows exactly the page's own stylesheet and script (by their SHA-256) and nothing
 * else: no request leaves the page, and markup that a name or a statement smuggled in could not run a script.
 */
final class PageWriter {
    private final Overview overview;

    PageWriter(Overview overview) {
        this.overview = overview;
    }

    String page() {
        ReviewInput in = overview.input();
        String title = in.title().isBlank() ? "Schema review" : in.title();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(policy()).append("\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\"/>\n")
                .append("<meta name=\"generator\" content=\"liteshift\"/>\n")
                .append("<title>").append(Html.text(title + ": " + overview.verdict().level().label())).append("</title>\n")
                .append("<style>").append(Styles.CSS).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#summary\">Skip to the summary</a>\n");
        out.append("<header>\n<h1>").append(Html.text(title)).append("</h1>\n");
        if (!in.context().isBlank()) out.append("<p class=\"context\">").append(Html.text(in.context())).append("</p>\n");
        out.append("</header>\n");
        contents(out);
        out.append("<main>\n");
        new SummarySection(overview, out).write();
        new DiagramSection(overview, out).write();
        new MigrationsSection(overview, out).write();
        out.append("</main>\n<footer>\n<p>Written by liteshift from the migrations and schemas named above. The page is one file"
                + " and loads nothing: no script, style, font or image comes from anywhere else.</p>\n</footer>\n");
        out.append("<script>").append(Styles.SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private void contents(StringBuilder out) {
        out.append("<nav aria-label=\"Contents\">\n<ul>\n<li><a href=\"#summary\">Summary</a></li>\n")
                .append("<li><a href=\"#diagram\">Schema diagram</a></li>\n<li><a href=\"#changes\">Changes, as a table</a></li>\n")
                .append("<li><a href=\"#migrations\">Migrations</a></li>\n");
        for (int i = 0; i < overview.input().migrations().size(); i++) {
            out.append("<li><a href=\"#m").append(i + 1).append("\"><code>").append(Html.text(overview.input().migrations().get(i).fileName()))
                    .append("</code></a></li>\n");
        }
        out.append("</ul>\n</nav>\n");
    }

    /** Nothing from anywhere: only the inline stylesheet and script, named by their hashes. */
    static String policy() {
        return "default-src 'none'; style-src '" + sha256(Styles.CSS) + "'; script-src '" + sha256(Styles.SCRIPT)
                + "'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
