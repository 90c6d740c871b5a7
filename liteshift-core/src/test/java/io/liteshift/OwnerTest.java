package io.liteshift;

import org.junit.jupiter.api.Test;

import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that tells a killed process's temporary file from one another process is still writing. */
class OwnerTest {
    private static final FileTime NOW = FileTime.from(Instant.now());

    @Test
    void aRunningProcessOfThisHostOwnsItsFile() {
        assertThat(Owner.leftOver(Optional.of(Owner.current()), Instant.now(), NOW)).isFalse();
        assertThat(Owner.describe(Optional.of(Owner.current()), false)).isEqualTo("pid " + ProcessHandle.current().pid() + " on "
                + Owner.current().host() + ", still running");
    }

    @Test
    void aFileOfAProcessThatIsGoneIsLeftOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(Owner.leftOver(Optional.of(new Owner(p.pid(), Owner.current().host())), Instant.now(), NOW)).isTrue();
    }

    @Test
    void aPidReusedByALaterProcessDoesNotOwnAnOlderFile() {
        Instant beforeThisJvm = ProcessHandle.current().info().startInstant().orElseThrow().minus(Duration.ofHours(1));
        assertThat(Owner.leftOver(Optional.of(Owner.current()), beforeThisJvm, NOW)).isTrue();
    }

    @Test
    void anotherHostsFileIsLeftOverOnlyOnceItSatUnchangedForADay() {
        Optional<Owner> elsewhere = Optional.of(new Owner(1, "another-machine"));
        FileTime dayAndAHourAgo = FileTime.from(Instant.now().minus(Owner.OTHER_HOST_IDLE).minus(Duration.ofHours(1)));
        assertThat(Owner.leftOver(elsewhere, Instant.now(), NOW)).isFalse();
        assertThat(Owner.leftOver(elsewhere, Instant.now(), dayAndAHourAgo)).isTrue();
        assertThat(Owner.leftOver(Optional.empty(), Instant.now(), NOW)).as("a name without an owner").isFalse();
        assertThat(Owner.leftOver(Optional.empty(), Instant.now(), dayAndAHourAgo)).isTrue();
    }

    @Test
    void theTagReadsBack() {
        assertThat(Owner.parse(Owner.current().tag())).contains(Owner.current());
        assertThat(Owner.parse("not a tag")).isEmpty();
        assertThat(Owner.current().host()).matches("[A-Za-z0-9._-]+");
    }
}
