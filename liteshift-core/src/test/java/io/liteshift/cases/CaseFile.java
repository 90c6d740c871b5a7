package io.liteshift.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One behaviour case: a populated database ({@code -- @before}), the declared schema to push ({@code -- @after}),
 * the expected outcome ({@code -- @expect apply|refuse}) and queries whose results must hold afterwards
 * ({@code -- @check SQL => rows}, rows separated by {@code " ; "}, columns by {@code |}, NULL as empty), and for a
 * refusal, text its message must contain ({@code -- @message text}, one line each).
 * Lines outside the directives belong to the section opened last, exactly as the format is read elsewhere.
 */
record CaseFile(String name, String before, String after, Expect expect, List<Check> checks, List<String> messages) {

    enum Expect { APPLY, REFUSE }

    record Check(String query, String expected) {
    }

    private static final Pattern DIRECTIVE = Pattern.compile("^--\\s*@(before|after|expect|check|message|timeout)\\b\\s*(.*)$");

    static CaseFile read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.case$", "");
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        StringBuilder current = null;
        Expect expect = Expect.APPLY;
        List<Check> checks = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.find()) {
                if (current != null) current.append(line).append('\n');
                continue;
            }
            String rest = m.group(2);
            switch (m.group(1)) {
                case "before" -> current = before;
                case "after" -> current = after;
                case "expect" -> expect = parseExpect(name, rest.strip());
                case "check" -> {
                    int arrow = rest.indexOf("=>");
                    if (arrow < 0) throw new IllegalArgumentException(name + ": @check without '=>': " + line);
                    checks.add(new Check(rest.substring(0, arrow).strip(), rest.substring(arrow + 2).strip()));
                }
                case "message" -> messages.add(rest.strip());
                default -> { /* @timeout: the in-process runner has no per-case limit */ }
            }
        }
        return new CaseFile(name, before.toString(), after.toString(), expect, List.copyOf(checks), List.copyOf(messages));
    }

    private static Expect parseExpect(String name, String word) {
        switch (word) {
            case "apply": return Expect.APPLY;
            case "refuse": return Expect.REFUSE;
            default: throw new IllegalArgumentException(name + ": @expect must be apply or refuse, not " + word);
        }
    }

    /** True when a check query names the table, so a change in its row count was announced. */
    /**
     * Names (lower case) that a rename hint moves away from. A name that is renamed away and then reused (a swap,
     * or a new table under the old name) rightly holds other values afterwards, so value checks skip it.
     */
    Set<String> renamedAway() {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("@renamed\\s+from\\s*=\\s*\"?([^\"\\s]+)").matcher(after);
        while (m.find()) out.add(m.group(1).toLowerCase(Locale.ROOT));
        return out;
    }

    boolean checksMention(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return checks.stream().anyMatch(c -> c.query().toLowerCase(Locale.ROOT).contains(t));
    }
}
