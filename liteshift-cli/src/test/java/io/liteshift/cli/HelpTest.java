package io.liteshift.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {

    @Test
    void topLevelHelpListsTheCommandsAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("diff").contains("push").contains("review").contains("Exit codes:")
                .contains("3  refused").contains("4  refused");
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        Cli.Result push = Cli.run("push", "--help");
        Cli.Result diff = Cli.run("diff", "-h");

        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(push.out()).contains("--schema").contains("--dry-run").contains("--yes").contains("$DATABASE_URL");
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("--from").contains("--to");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("migrat");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("migrat");
    }
}
