package io.liteshift.migrate;

import io.liteshift.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link MigrateMain} in its own JVM, its output in files (a killed process cannot hold a pipe up). */
final class MigrateProcess {
    private static final Pattern APPLIED = Pattern.compile("applied (\\d+)_\\S+ to ");

    final String name;
    final Process process;
    private final Path out;
    private final Path err;
    private final Path go;

    private MigrateProcess(String name, Process process, Path out, Path err, Path go) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
        this.go = go;
    }

    /**
     * Starts a JVM that warms up and then waits for {@code go} to appear. Logging is at INFO, so that stderr says
     * which migrations it committed; the native library is unpacked into {@code work}, so that killed processes
     * leave nothing behind elsewhere.
     */
    /** Every process started and not yet reaped, so that a failed test leaves none behind. */
    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    static MigrateProcess start(Path work, String name, Path migrations, Duration lockTimeout, Path go) {
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
                "-Djava.io.tmpdir=" + work, "-Dorg.sqlite.tmpdir=" + work,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"),
                MigrateMain.class.getName(), migrations.toString(), Long.toString(lockTimeout.toMillis()), go.toString()));
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            STARTED.add(p);
            return new MigrateProcess(name, p, out, err, go);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills what is still running (after a failed assertion, the next round's process is waiting for its signal). */
    static void killAll() throws InterruptedException {
        for (Process p : STARTED) {
            p.destroyForcibly();
            p.waitFor();
        }
        STARTED.clear();
    }

    void awaitReady(Duration timeout) {
        Await.until(name + " to be ready", timeout, () -> {
            if (!process.isAlive()) throw new AssertionError(name + " exited before it was ready:\n" + this);
            return stdout().contains("READY");
        }, this::toString);
    }

    /** Releases it (every process waiting on the same file at once): it migrates {@code db}. */
    static void go(Path goFile, Path db) {
        Path tmp = goFile.resolveSibling(goFile.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, db.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, goFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(Path db) {
        go(go, db);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not finish within " + timeout + ":\n" + this);
        }
        return process.exitValue();
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux and macOS); false when it had exited already. */
    boolean kill() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        process.waitFor();
        return alive;
    }

    /** The newest migration it logged as committed (0: none). */
    int lastLoggedApplied() {
        Matcher m = APPLIED.matcher(stderr());
        int last = 0;
        while (m.find()) last = Math.max(last, Integer.parseInt(m.group(1)));
        return last;
    }

    /** Its migration durations in ms as logged, by version. */
    Map<Integer, Long> loggedMillis() {
        Matcher m = Pattern.compile("applied (\\d+)_\\S+ to .* in (\\d+) ms").matcher(stderr());
        Map<Integer, Long> out = new TreeMap<>();
        while (m.find()) out.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        return out;
    }

    /** The {@code OK}/{@code FAILED} line's {@code key=value}. */
    String field(String key) {
        Matcher m = Pattern.compile("(?m)^(?:OK|FAILED) .*\\b" + key + "=(\\S*)").matcher(stdout());
        return m.find() ? m.group(1) : null;
    }

    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "--- " + name + " stdout:\n" + stdout() + "--- " + name + " stderr:\n" + stderr();
    }
}
