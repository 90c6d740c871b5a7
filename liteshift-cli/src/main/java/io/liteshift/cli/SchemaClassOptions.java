package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import picocli.CommandLine.Option;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code --schema-class} and {@code --classpath}: the declared schema as a compiled Java class. */
final class SchemaClassOptions {
    @Option(names = "--schema-class", paramLabel = "CLASS", description = "the declared schema as a Java class instead of --schema:"
            + " an io.liteshift.dsl.SchemaDefinition, or a class with a public static method returning a JavaSchema"
            + " (default: schema_class in liteshift.toml)")
    String schemaClass;

    @Option(names = "--classpath", paramLabel = "PATH", description = "where --schema-class is compiled: directories and jars"
            + " separated by ':' (';' on Windows), e.g. target/classes (default: classpath in liteshift.toml)")
    String classpath;

    /** The --classpath entries, resolved against {@code wd}; null when the flag was not given. */
    List<Path> entries(Path wd) {
        if (classpath == null) return null;
        List<Path> out = new ArrayList<>();
        for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank()) out.add(wd.resolve(entry.strip()).normalize());
        }
        return out;
    }

    /**
     * A class loader over {@code entries} whose parent is liteshift's own, so that the schema class and liteshift share
     * one {@code io.liteshift.dsl}. A missing entry is refused by name: it is usually an uncompiled project.
     */
    static ClassLoader loader(List<Path> entries) {
        if (entries.isEmpty()) return SchemaClassOptions.class.getClassLoader();
        List<URL> urls = new ArrayList<>();
        for (Path p : entries) {
            if (!Files.exists(p)) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the classpath entry " + p + " does not exist."
                        + " Compile the project first (e.g. mvn compile), or fix --classpath (or classpath in liteshift.toml).");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the classpath entry " + p + " is not usable: " + e.getMessage(), e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), SchemaClassOptions.class.getClassLoader());
    }
}
