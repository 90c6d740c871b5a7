package io.liteshift.report;

import io.liteshift.Fix;
import io.liteshift.lint.LintCode;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.lint.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * lint's findings as a SARIF 2.1.0 log (OASIS), the format GitHub code scanning uploads: one run of the tool
 * {@code liteshift}, a rule per {@link LintCode} (every code, in its order, so a rule's index never depends on what
 * was found), a result per finding at its file and line.
 */
final class SarifLog {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/liteshift/liteshift";
    /** What the relative paths are relative to; GitHub and other viewers map it to the checkout. */
    static final String ROOT = "%SRCROOT%";

    private SarifLog() {
    }

    static String of(LintReport r, LintPlace place) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver(place)));
        if (place.relative()) {
            run.put("originalUriBaseIds", Map.of(ROOT, Map.of("description", text("The root of the repository."))));
        }
        run.put("results", r.issues().stream().map(i -> result(i, place)).toList());
        log.put("runs", List.of(run));
        return JsonText.of(log);
    }

    private static Map<String, Object> driver(LintPlace place) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "liteshift");
        d.put("version", place.version());
        d.put("informationUri", INFORMATION_URI);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (LintCode c : LintCode.values()) rules.add(rule(c));
        d.put("rules", rules);
        return d;
    }

    private static Map<String, Object> rule(LintCode c) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", c.code());
        rule.put("name", name(c));
        rule.put("shortDescription", text(sentence(shortPart(plain(c.help())))));
        rule.put("fullDescription", text(sentence(plain(c.help()))));
        Map<String, Object> help = new LinkedHashMap<>();
        String silence = "A reviewed finding is silenced for one migration by a comment anywhere in it: -- liteshift:lint-ignore "
                + c.code();
        help.put("text", sentence(plain(c.help())) + " Reported as: " + c.severities() + ". " + silence + ".");
        help.put("markdown", sentence(c.help()) + "\n\nReported as: " + c.severities() + ".\n\nA reviewed finding is silenced for one"
                + " migration by a comment anywhere in it: `-- liteshift:lint-ignore " + c.code() + "`.");
        rule.put("help", help);
        rule.put("defaultConfiguration", Map.of("level", level(c.highestSeverity())));
        rule.put("properties", Map.of("tags", List.of(c.family().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        return rule;
    }

    private static Map<String, Object> result(LintIssue i, LintPlace place) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", i.code());
        result.put("ruleIndex", i.lintCode().ordinal());
        result.put("level", level(i.severity()));
        String fix = Fix.render(i.fix(), place.frontEnd());
        // SARIF's "fixes" are edits of the file; liteshift's fix is advice, so it goes into the message a viewer shows
        result.put("message", text(Fix.render(i.message(), place.frontEnd()) + (fix.isEmpty() ? "" : " Fix: " + fix)));
        if (!i.file().isEmpty()) result.put("locations", List.of(location(i, place)));
        // the same finding on the same subject stays the same alert from run to run, whatever its counts say now
        result.put("partialFingerprints", Map.of("liteshiftFinding/v1", fingerprint(i.code(), place.path(i.file()), i.subject())));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("subject", i.subject());
        properties.put("fix", fix);
        result.put("properties", properties);
        return result;
    }

    private static Map<String, Object> location(LintIssue i, LintPlace place) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", uri(place.path(i.file()), place.relative()));
        if (place.relative()) artifact.put("uriBaseId", ROOT);
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        if (i.line() > 0) physical.put("region", Map.of("startLine", i.line()));
        return Map.of("physicalLocation", physical);
    }

    /** A path as a URI reference: relative ones keep their form, with spaces and the like percent-encoded. */
    private static String uri(String path, boolean relative) {
        if (!relative) return Path.of(path).toUri().toString();
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** {@code not-null} as {@code NotNull}: SARIF's rule name, an identifier a viewer may show. */
    private static String name(LintCode c) {
        StringBuilder b = new StringBuilder();
        for (String part : c.code().split("-")) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b.toString();
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }

    /** A code's Markdown help as plain text: the backticks go, the words stay. */
    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    /** The first part of a help text, up to its first "; " or ". ", for a one-line description. */
    private static String shortPart(String text) {
        int cut = text.length();
        for (String end : List.of("; ", ". ")) {
            int at = text.indexOf(end);
            if (at > 0) cut = Math.min(cut, at);
        }
        return text.substring(0, cut);
    }

    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }

    private static String fingerprint(String... parts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
