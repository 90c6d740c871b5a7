package io.liteshift.property;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory for one try of a property, deleted afterwards whatever happened. */
final class ScratchDirectory {

    @FunctionalInterface
    interface Body<T> {
        T run(Path dir) throws Exception;
    }

    private ScratchDirectory() {
    }

    static <T> T with(String prefix, Body<T> body) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        try {
            return body.run(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
