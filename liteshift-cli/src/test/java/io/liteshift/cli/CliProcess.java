package io.liteshift.cli;

import io.liteshift.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The command line as its own OS process ({@code java ... io.liteshift.cli.Main ARGS}), for what only a real process
 * shows: signals, exit codes after them, another user, a full disk seen by a whole process. Output goes to files (a
 * killed process cannot hold a pipe up); {@code java.io.tmpdir} is a directory of the test's, so that what the
 * process leaves there can be checked.
 */
final class CliProcess {
    /** Every process started and not yet reaped, so that a failed test leaves none behind. */
    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code liteshift ARGS} in {@code dir}, with {@code tmp} as its temporary directory.
     *
     * @param prefix what goes before {@code java} (e.g. {@code setpriv --reuid=1234 ...}); may be empty
     */
    static CliProcess start(Path dir, Path tmp, List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.io.tmpdir=" + tmp, "-Dorg.sqlite.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        String name = "liteshift-" + STARTED.size();
        Path out = tmp.resolveSibling(name + ".out");
        Path err = tmp.resolveSibling(name + ".err");
        try {
            Files.createDirectories(tmp);
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("DATABASE_URL");
            Process p = pb.start();
            STARTED.add(p);
            return new CliProcess(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CliProcess start(Path dir, Path tmp, String... args) {
        return start(dir, tmp, List.of(), args);
    }

    /** Runs it to the end: its exit code and output. */
    static Cli.Result run(Path dir, Path tmp, List<String> prefix, String... args) throws InterruptedException {
        return start(dir, tmp, prefix, args).awaitExit(Duration.ofMinutes(2));
    }

    /** Kills what is still running (after a failed assertion). */
    static void killAll() throws InterruptedException {
        for (Process p : STARTED) {
            p.destroyForcibly();
            p.waitFor();
        }
        STARTED.clear();
    }

    /** Waits until {@code condition} holds, failing (with the output so far) if the process ends or time runs out first. */
    void awaitThat(String what, BooleanSupplier condition, Duration timeout) {
        Await.until(what, timeout, () -> {
            if (!process.isAlive()) throw new AssertionError("liteshift exited before " + what + ":\n" + result(process.exitValue()));
            return condition.getAsBoolean();
        }, () -> result(-1).toString());
    }

    /** {@code kill -s NAME pid}: what a terminal's Ctrl-C (INT) or a supervisor (TERM) sends. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) throw new AssertionError("kill -s " + name + " failed");
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** What it has written to stderr so far. */
    String errSoFar() {
        return read(err);
    }

    Cli.Result awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("liteshift did not finish within " + timeout + ":\n" + result(-1));
        }
        STARTED.remove(process);
        return result(process.exitValue());
    }

    private Cli.Result result(int exit) {
        return new Cli.Result(exit, read(out), read(err));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
