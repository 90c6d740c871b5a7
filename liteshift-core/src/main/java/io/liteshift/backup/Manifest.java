package io.liteshift.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A backup's manifest, {@code <backup>.manifest}: one {@code key=value} per line (sha256, size, source, taken,
 * version, check (the PRAGMA that checked it), integrity). A line format rather than JSON because the library has no JSON dependency, and
 * {@code grep sha256= x.manifest} is all a shell script needs.
 */
final class Manifest {
    static final String SUFFIX = ".manifest";

    private Manifest() {
    }

    static Path of(Path backup) {
        return backup.resolveSibling(backup.getFileName() + SUFFIX);
    }

    static String render(Map<String, String> values) {
        StringBuilder b = new StringBuilder("# liteshift backup manifest\n");
        values.forEach((k, v) -> b.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return b.toString();
    }

    /** The manifest's values, or an empty map when there is none. */
    static Map<String, String> read(Path backup) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(of(backup), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) continue;
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
