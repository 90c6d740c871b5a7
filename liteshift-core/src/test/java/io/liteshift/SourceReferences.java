package io.liteshift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the main sources of a module refer to in liteshift's packages: every import and every name written out in full
 * in the code ({@code io.liteshift.lint.Linter.lint(...)} needs no import), read from the {@code .java} files
 * themselves. Comments and string literals are left out: a {@code {@link}} or a message naming a class is not a
 * dependency. The architecture tests read them to check which way the dependencies run.
 */
public final class SourceReferences {
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    // a name starting io.liteshift, not the tail of a longer one (x.io.liteshift...): its package segments, then a type
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])(io\\.liteshift(?:\\.[a-z_][a-z0-9_]*)*)\\s*\\.\\s*([A-Z]\\w*)");
    private static final Pattern WILDCARD = Pattern.compile("\\bimport\\s+(?:static\\s+)?(io\\.liteshift(?:\\.[a-z_][a-z0-9_]*)*)\\s*\\.\\s*\\*");

    /**
     * One reference: {@code file} (relative to the source root) at {@code line}, in type {@code from}, names the
     * top-level type {@code to} (for a wildcard import, {@code to} is the package itself).
     */
    public record Reference(String file, int line, String fromPackage, String from, String toPackage, String to) {
        /** {@code lint/Linter.java:8 (io.liteshift.migrate.Migration)}: where to look. */
        public String where() {
            return file + ":" + line + " (" + to + ")";
        }
    }

    private SourceReferences() {
    }

    /** The references of every {@code .java} file under {@code sourceRoot} to liteshift types outside the file's own package. */
    public static List<Reference> scan(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) throw new AssertionError("no sources at " + sourceRoot.toAbsolutePath());
        List<Reference> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.addAll(references(sourceRoot.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The packages the files under {@code sourceRoot} declare. */
    public static List<String> packages(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return packageOf(code(Files.readString(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Reference> references(String file, String source) {
        String code = code(source);
        String pkg = packageOf(code);
        String self = pkg + "." + Path.of(file).getFileName().toString().replaceFirst("\\.java$", "");
        List<Reference> out = new ArrayList<>();
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            if (m.group(1).equals(pkg)) continue;
            out.add(new Reference(file, line(code, m.start()), pkg, self, m.group(1), m.group(1) + "." + m.group(2)));
        }
        Matcher w = WILDCARD.matcher(code);
        while (w.find()) {
            if (w.group(1).equals(pkg)) continue;
            out.add(new Reference(file, line(code, w.start()), pkg, self, w.group(1), w.group(1)));
        }
        return out;
    }

    private static String packageOf(String code) {
        Matcher p = PACKAGE.matcher(code);
        return p.find() ? p.group(1) : "";
    }

    private static int line(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (code.charAt(i) == '\n') line++;
        return line;
    }

    /** The source with comments, string, text-block and char literals blanked out; line breaks stay, so lines still count. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(source, i, end, out);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') end = source.indexOf("\"\"\"", end + 1);
                end = end < 0 ? n : end + 3;
                blank(source, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') j += source.charAt(j) == '\\' ? 2 : 1;
                out.append(' ');
                i = Math.min(n, j + 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String source, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) out.append(source.charAt(k) == '\n' ? '\n' : ' ');
    }
}
