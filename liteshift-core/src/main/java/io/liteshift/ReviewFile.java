package io.liteshift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a review page all at once or not at all: into a temporary file beside it, then moved over the name, so a
 * reader (a browser, a CI upload) never sees half a page, and a failure leaves the old page (or none) and no
 * temporary file behind.
 */
final class ReviewFile {
    private ReviewFile() {
    }

    static Path write(Path out, String html) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot write the review page to " + target
                    + ": it is a directory. Name a file, e.g. " + target.resolve("review.html") + " (" + Fix.setting(Fix.Setting.REVIEW_OUT)
                    + "). Nothing was written.");
        }
        Path dir = target.getParent();
        Path created = firstMissing(dir);
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            temporary = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            move(temporary, target);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            if (created != null) deleteEmptyDirectories(created, dir);
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot write the review page to " + target + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()) + ". Nothing was written; pass a writable place ("
                    + Fix.setting(Fix.Setting.REVIEW_OUT) + ").", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING); // the same directory: a rename all the same
        }
    }

    /** The outermost directory of {@code dir} that does not exist yet, or null when it exists. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) missing = p;
        return missing;
    }

    /** Removes the directories this write created, from {@code innermost} up to {@code outermost}, while empty. */
    private static void deleteEmptyDirectories(Path outermost, Path innermost) {
        for (Path p = innermost; p != null && p.startsWith(outermost); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty, or not ours to remove: it stays
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the message names the page; a temporary file that cannot be removed is left to the directory's owner
        }
    }
}
