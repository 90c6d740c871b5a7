package io.liteshift.report;

import io.liteshift.LiteShiftException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code lint} writes its findings: for a person, for a GitHub Actions log, or for code scanning. */
public enum LintFormat {
    /** One line per finding and a summary, as {@code lint} always printed. */
    TEXT,
    /** GitHub Actions workflow commands ({@code ::error file=...,line=...::...}): annotations on the changed lines. */
    GITHUB,
    /** A SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers. */
    SARIF;

    /** Its name on the command line and in the Maven parameter: {@code github}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code name} (any case), or a refusal naming the choices; {@code option} is how the reader
     * gave it ({@code --format}, {@code -Dliteshift.format}).
     */
    public static LintFormat named(String name, String option) {
        return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "unknown lint format '" + name
                        + "' given by " + option + ". Use one of: " + Arrays.stream(values()).map(LintFormat::id)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
