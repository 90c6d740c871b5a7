package io.liteshift.spring.boot.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application ({@code java -jar app.jar}) as a real process, its output in a file, talked to over HTTP. */
final class JarProcess implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int port;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the jar that {@code package} built (system property {@code app.jar}) with Spring Boot arguments. */
    static JarProcess start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("app.jar")));
        command.addAll(List.of(args));
        // Tomcat's work directory beside the log, not a new one in the system temp directory on every start
        command.add("--server.tomcat.basedir=" + log.resolveSibling(log.getFileName() + ".tomcat"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new JarProcess(p, log);
    }

    /** Waits until the server listens, failing with the output when the process ends or the wait runs out. */
    JarProcess awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = PORT.matcher(output());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return this;
            }
            if (!process.isAlive()) throw new AssertionError("the application exited with " + process.exitValue() + ":\n" + output());
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the application did not start within " + START.toSeconds() + " s:\n" + output());
    }

    /** Waits for the process to end by itself; its exit status. */
    int awaitExit() throws IOException, InterruptedException {
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) throw new AssertionError("the application did not exit:\n" + output());
        return process.exitValue();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops it as a platform would (SIGTERM), and waits until it has. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
