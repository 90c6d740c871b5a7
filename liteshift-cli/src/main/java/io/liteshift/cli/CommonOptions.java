package io.liteshift.cli;

import picocli.CommandLine.Option;

/** The options every subcommand has: {@code -h/--help} (the version stays on the top-level command) and {@code --verbose}. */
final class CommonOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;
}
