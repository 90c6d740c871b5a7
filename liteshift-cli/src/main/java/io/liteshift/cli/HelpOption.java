package io.liteshift.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for a subcommand (the version stays on the top-level command). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
