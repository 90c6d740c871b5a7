package io.liteshift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text pinned in a file under {@code src/test/resources}: compared byte for byte, or, with
 * {@code mvn test -Dliteshift.updateGolden=true}, written anew (review the diff before committing).
 */
public final class Golden {
    public static final boolean UPDATE = Boolean.getBoolean("liteshift.updateGolden");

    private Golden() {
    }

    public static void check(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("missing %s; create it with mvn test -Dliteshift.updateGolden=true", golden).exists();
        assertThat(actual).as("%s differs (if the change is intended, regenerate with mvn test -Dliteshift.updateGolden=true"
                + " and review the diff)", golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
