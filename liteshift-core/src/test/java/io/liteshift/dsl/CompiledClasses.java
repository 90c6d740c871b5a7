package io.liteshift.dsl;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema classes compiled at test time into a directory, as a build would, and loaded from there. */
final class CompiledClasses {
    private CompiledClasses() {
    }

    /** Compiles {@code sources} (class name to source text) into {@code classes}, against this test's classpath. */
    static Path compile(Path classes, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-src"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertThat(javac.run(null, null, errors, args.toArray(String[]::new))).as(errors.toString()).isZero();
        return classes;
    }

    static URLClassLoader loader(Path classes) throws IOException {
        return new URLClassLoader(new URL[]{classes.toUri().toURL()}, CompiledClasses.class.getClassLoader());
    }
}
