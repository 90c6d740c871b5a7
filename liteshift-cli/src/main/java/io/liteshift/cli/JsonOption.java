package io.liteshift.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: the command's report as one JSON object on standard output (shapes in {@code docs/json.md}), and
 * its refusal or failure too ({@code "ok": false} with an {@code "error"}), so that a script reads one channel.
 */
final class JsonOption {
    static final String NAME = "--json";

    @Option(names = NAME, description = "machine-readable output on standard output, errors included (see docs/json.md)")
    boolean on;
}
