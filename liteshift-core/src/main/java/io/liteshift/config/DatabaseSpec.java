package io.liteshift.config;

import java.io.File;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Makes the path inside a database spec absolute, keeping its form: a plain path, or a {@code file:},
 * {@code sqlite:} or {@code jdbc:sqlite:} URL (the forms {@link io.liteshift.sqlite.DatabaseUrl} accepts). A relative
 * path in a config file means "next to this file", not "wherever the command happens to run".
 */
public final class DatabaseSpec {
    private DatabaseSpec() {
    }

    /** {@code spec} with a relative path resolved against {@code base}; absolute paths and anything unusual unchanged. */
    public static String resolveAgainst(String spec, Path base) {
        String rest = spec.strip();
        String prefix = "";
        if (rest.startsWith("jdbc:sqlite:")) {
            prefix = "jdbc:sqlite:";
            rest = rest.substring(prefix.length());
        }
        boolean url = rest.startsWith("file:") || rest.startsWith("sqlite:");
        if (url) {
            int colon = rest.indexOf(':') + 1;
            prefix += rest.substring(0, colon);
            rest = rest.substring(colon);
        }
        int q = url ? rest.indexOf('?') : -1;
        String path = q >= 0 ? rest.substring(0, q) : rest;
        String query = q >= 0 ? rest.substring(q) : "";
        if (path.isEmpty() || path.startsWith("/") || path.equals(":memory:")) return spec;
        try {
            // A URL's path is percent-decoded when the database is opened: decode it here, encode the result.
            String plain = url ? URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8) : path;
            if (Path.of(plain).isAbsolute()) return spec;
            String resolved = base.toAbsolutePath().resolve(plain).normalize().toString();
            if (url) resolved = resolved.replace(File.separatorChar, '/').replace("%", "%25").replace("?", "%3F");
            return prefix + resolved + query;
        } catch (IllegalArgumentException e) { // also InvalidPathException
            return spec; // malformed: opening it reports the problem with the spec as written
        }
    }
}
