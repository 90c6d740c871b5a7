package io.liteshift.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium of its own: a new profile directory, no background networking, no extensions, no first-run
 * pages; DevTools on a port the browser picks (it prints the address, which is read from its stderr). Closing it
 * closes the browser, waits for the process to end and removes the profile.
 */
final class Chromium implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final DevTools devTools;

    private Chromium(Process process, Path profile, DevTools devTools) {
        this.process = process;
        this.profile = profile;
        this.devTools = devTools;
    }

    /** The browser to test with: {@code $LITESHIFT_CHROMIUM}, else Debian's {@code chromium}, if installed. */
    static Optional<Path> binary() {
        String configured = System.getenv("LITESHIFT_CHROMIUM");
        if (configured != null && !configured.isBlank()) return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static Chromium start(Path binary) throws IOException {
        Path profile = Files.createTempDirectory("liteshift-chromium-");
        List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    stderr.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) endpoint.complete(m.group(1));
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("Chromium ended before it listened: " + stderr));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI uri = URI.create(endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            return new Chromium(process, profile, DevTools.connect(uri));
        } catch (Exception e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw new IOException("Chromium (" + binary + ") did not start its DevTools within " + START_TIMEOUT.toSeconds()
                    + " s: " + e + "; it printed: " + stderr, e);
        }
    }

    /** A new page, with the console, the network and dialogs watched from before anything loads. */
    Tab open() {
        String target = (String) devTools.call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        String session = (String) devTools.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId");
        return new Tab(devTools, target, session);
    }

    @Override
    public void close() throws IOException {
        try {
            devTools.call(null, "Browser.close", Map.of());
        } catch (RuntimeException e) {
            // the browser may close the socket before it answers; the process is waited for below either way
        }
        devTools.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
