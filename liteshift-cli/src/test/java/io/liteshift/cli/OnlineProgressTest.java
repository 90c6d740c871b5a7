package io.liteshift.cli;

import io.liteshift.online.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress line of an online rebuild: redrawn in place on a terminal, a line per phase (and every 5 s) otherwise. */
class OnlineProgressTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text, true);

    @AfterEach
    void notATerminalAgain() {
        OnlineProgress.stderrIsTerminal = false;
    }

    private static Progress at(Progress.Phase phase, long copied) {
        return new Progress("items", phase, copied, 4_000_000, 85_000, Duration.ofSeconds(33), 12, Duration.ofMillis(14));
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndEndedWhenDone() {
        OnlineProgress.stderrIsTerminal = true;
        OnlineProgress p = OnlineProgress.to(err);
        p.accept(at(Progress.Phase.COPY, 1_200_000));
        p.accept(at(Progress.Phase.COPY, 1_300_000));
        p.accept(at(Progress.Phase.DONE, 4_000_000));
        p.close();

        assertThat(text.toString()).isEqualTo("\ritems: copy 1,200,000 / 4,000,000 rows (30%), 85,000 rows/s, ETA 33 s, backlog 12, longest lock 14 ms\033[K"
                + "\ritems: copy 1,300,000 / 4,000,000 rows (32%), 85,000 rows/s, ETA 33 s, backlog 12, longest lock 14 ms\033[K"
                + "\ritems: done 4,000,000 / 4,000,000 rows (100%), 85,000 rows/s, ETA 33 s, backlog 12, longest lock 14 ms\033[K"
                + System.lineSeparator());
    }

    @Test
    void aLineLeftOpenByAFailureIsEndedSoThatTheMessageStartsClean() {
        OnlineProgress.stderrIsTerminal = true;
        OnlineProgress p = OnlineProgress.to(err);
        p.accept(at(Progress.Phase.COPY, 10));
        p.close();
        assertThat(text.toString()).endsWith("\033[K" + System.lineSeparator());
    }

    @Test
    void offATerminalEachPhaseGetsALineAndTheCopyNoMoreThanOneEveryFewSeconds() {
        OnlineProgress p = OnlineProgress.lines(err, "tenants/acme.db: ");
        p.accept(at(Progress.Phase.SETUP, 0));
        p.accept(at(Progress.Phase.COPY, 100));
        p.accept(at(Progress.Phase.COPY, 200)); // within 5 s of the last line: not printed
        p.accept(at(Progress.Phase.CUT_OVER, 4_000_000));
        p.close();

        assertThat(text.toString().lines()).containsExactly(
                "tenants/acme.db: items: setup 0 / 4,000,000 rows (0%), 85,000 rows/s, ETA 33 s, backlog 12, longest lock 14 ms",
                "tenants/acme.db: items: copy 100 / 4,000,000 rows (0%), 85,000 rows/s, ETA 33 s, backlog 12, longest lock 14 ms",
                "tenants/acme.db: items: cut-over 4,000,000 / 4,000,000 rows (100%), 85,000 rows/s, ETA 33 s, backlog 12, longest lock 14 ms");
        assertThat(text.toString()).doesNotContain("\r", "\033");
    }
}
