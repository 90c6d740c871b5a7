package io.liteshift.examples.flyapp;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The application as a real process (started through entrypoint.sh or java -jar), talked to over HTTP. */
final class AppProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving .* on port (\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Settings the test's own environment may hold; each test names its own. */
    private static final List<String> SETTINGS = List.of("DATABASE_URL", "PORT", "MIGRATIONS", "BACKUP_DIR", "KEEP_BACKUPS",
            "CREATE_DATABASE", "MIGRATE_ON_BOOT", "DATA_DIR", "APP_USER", "APP_GROUP", "APP_JAR", "JAVA", "JAVA_OPTS");

    final Process process;
    final Path log;
    final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code command} with {@code env} added and waits until the application says it serves. */
    static AppProcess start(List<String> command, Map<String, String> env, Path log) throws Exception {
        Process p = builder(command, env, log).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) return new AppProcess(p, log, Integer.parseInt(m.group(1)));
            if (!p.isAlive()) throw new AssertionError("the application exited with " + p.exitValue() + " before serving:\n" + Files.readString(log));
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("the application did not serve within 60 s:\n" + Files.readString(log));
    }

    /** Runs {@code command} to its end; returns its exit code, its output in {@code log}. */
    static int run(List<String> command, Map<String, String> env, Path log) throws Exception {
        Process p = builder(command, env, log).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish within 60 s:\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    private static ProcessBuilder builder(List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        SETTINGS.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        return pb;
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The uid the process runs as, from /proc. */
    int uid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("Uid:")) return Integer.parseInt(line.split("\\s+")[1]);
        }
        throw new IllegalStateException("no Uid line for " + process.pid());
    }

    /** SIGTERM, as Fly.io sends on a deploy; waits for the JVM to run its shutdown hooks and exit. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not stop within 30 s of SIGTERM:\n" + Files.readString(log));
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * A runnable {@code app.jar} like the image's, without the package phase having run: a jar holding only a
     * manifest whose Class-Path names copies of this test's class path (minus the test classes), made readable for
     * every user so that the application can run as another uid.
     */
    static Path jar(Path dir) throws IOException {
        Path cp = Files.createDirectories(dir.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path src = Path.of(entry);
            if (!Files.exists(src) || src.endsWith("test-classes")) continue;
            String name = i++ + "-" + src.getFileName();
            copy(src, cp.resolve(name));
            entries.add("cp/" + name + (Files.isDirectory(src) ? "/" : ""));
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, App.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
        manifest.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED");
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) p.toFile().setExecutable(true, false);
            });
        }
        return jar;
    }

    private static void copy(Path src, Path dst) throws IOException {
        try (Stream<Path> files = Files.walk(src)) {
            files.forEach(p -> {
                try {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
