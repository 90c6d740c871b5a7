package io.liteshift.rehearse;

import io.liteshift.Owner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rehearsal copies in the system's temporary directory: {@code liteshift-rehearse-<pid>@<host>-<n>} while a
 * rehearsal runs, {@code liteshift-rehearse-kept-<n>} once kept ({@code --keep}). A rehearsal removes its own copy
 * however it ends; one that was killed cannot, so the next rehearsal removes the copies whose process is gone
 * ({@link Owner#leftOver}). Kept copies are never removed.
 */
final class Copies {
    private static final Logger LOG = LoggerFactory.getLogger(Copies.class);
    static final String PREFIX = "liteshift-rehearse-";
    private static final Pattern RUNNING = Pattern.compile(Pattern.quote(PREFIX) + "(" + Owner.tagPattern() + ")-(\\d+)");

    private Copies() {
    }

    /** A new directory for this process's copy. */
    static Path create() throws IOException {
        return Files.createTempDirectory(PREFIX + Owner.current().tag() + "-");
    }

    /** Renames a finished rehearsal's directory so that no later rehearsal removes it; returns its new path. */
    static Path keep(Path dir) {
        Matcher m = RUNNING.matcher(dir.getFileName().toString());
        Path kept = dir.resolveSibling(PREFIX + "kept-" + (m.matches() ? m.group(2) : System.nanoTime()));
        try {
            return Files.move(dir, kept);
        } catch (IOException e) {
            return dir; // kept under its first name; a later rehearsal may take it for a leftover once this process is gone
        }
    }

    /** Removes the copies that stopped rehearsals left in the temporary directory. */
    static void removeStale() {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path p : ds) {
                Matcher m = RUNNING.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p)) continue;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                Optional<Owner> owner = Owner.parse(m.group(1));
                if (Owner.leftOver(owner, a.creationTime().toInstant(), newest(p))) {
                    delete(p);
                    LOG.info("removed the copy a stopped rehearsal left: {} ({})", p, Owner.describe(owner, true));
                }
            }
        } catch (IOException e) {
            LOG.debug("could not look for stopped rehearsals' copies in {}: {}", root, e.getMessage());
        }
    }

    /** The newest change to anything in {@code dir}: a copy being migrated is written all the time. */
    private static FileTime newest(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(Comparator.naturalOrder()).orElse(FileTime.fromMillis(0));
        }
    }

    /** The directory and everything in it (the copy, its -journal or -wal and -shm). */
    static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // what is left has the name of a stopped rehearsal: the next one removes it
        }
    }
}
