package io.liteshift.sqlite;

import io.liteshift.LiteShiftException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a database file is, from what users write: a path, a {@code file:} URL (as in
 * {@code DATABASE_URL=file:/data/sqlite.db}), a {@code sqlite:} URL or a {@code jdbc:sqlite:} URL. Query parameters
 * are ignored.
 */
public final class DatabaseUrl {
    private DatabaseUrl() {
    }

    public static Path toPath(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "no database given. Pass --db PATH or set DATABASE_URL (e.g. DATABASE_URL=file:/data/sqlite.db).");
        }
        String s = spec.strip();
        if (s.startsWith("jdbc:sqlite:")) s = s.substring("jdbc:sqlite:".length());
        if (s.startsWith("sqlite:")) s = "file:" + s.substring("sqlite:".length()); // as some frameworks write it
        if (s.startsWith("file:")) {
            s = s.substring("file:".length());
            int q = s.indexOf('?');
            if (q >= 0) s = s.substring(0, q);
            if (s.startsWith("//")) {
                s = s.substring(2);
                int slash = s.indexOf('/');
                if (slash > 0 && !s.substring(0, slash).equals("localhost")) {
                    throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                            "the database URL " + spec + " names a host; write file:/path/to.db or a plain path.");
                }
                s = slash >= 0 ? s.substring(slash) : s;
            }
            s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        if (s.isEmpty() || s.equals(":memory:")) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the database " + spec + " is not a file; liteshift works on database files.");
        }
        return Path.of(s);
    }

    /** True when {@code spec} names a database rather than a declared schema (.sql file or directory). */
    public static boolean looksLikeDatabase(String spec) {
        String s = spec.strip();
        return s.startsWith("jdbc:sqlite:") || s.startsWith("file:") || s.startsWith("sqlite:")
                || !(s.endsWith(".sql") || Files.isDirectory(Path.of(s)));
    }
}
