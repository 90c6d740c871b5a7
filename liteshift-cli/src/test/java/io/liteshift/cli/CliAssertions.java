package io.liteshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

final class CliAssertions {
    private CliAssertions() {
    }

    /** Errors are one readable message; stack traces are for --verbose. */
    static void assertNoStackTrace(Cli.Result r) {
        assertThat(r.err()).as(r.toString()).startsWith("liteshift: ").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
