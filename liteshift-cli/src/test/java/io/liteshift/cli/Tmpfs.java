package io.liteshift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A small real volume for a test: a tmpfs mounted at a directory of the test's. Mounting needs root (and a kernel that
 * lets it); {@link #mount} is empty where it is refused, so that the test can skip with a reason.
 */
final class Tmpfs implements AutoCloseable {
    final Path root;

    private Tmpfs(Path root) {
        this.root = root;
    }

    /** A tmpfs of {@code size} ("16m") at {@code at} (created); empty when this machine refuses to mount it. */
    static Optional<Tmpfs> mount(Path at, String size) throws IOException, InterruptedException {
        Files.createDirectories(at);
        return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString()) ? Optional.of(new Tmpfs(at)) : Optional.empty();
    }

    /** Remounts it read-only, or read-write again. */
    void readOnly(boolean readOnly) throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), root.toString())) throw new IllegalStateException("remount failed");
    }

    /** Deletes everything in it (it must be read-write). */
    void clear() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(root)) Files.delete(p);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", root.toString());
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no mount command at all
        }
    }
}
