package io.liteshift.report;

import io.liteshift.LiteShiftException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * A report a front end writes to a file for the user ({@code pull --out}, {@code lint --output}, the lint goal's
 * {@code output}): all of the text or nothing, written beside the target under a temporary name and then moved into
 * place, so that a reader (a CI step uploading it) never sees half of one.
 */
public final class ReportFile {
    private ReportFile() {
    }

    /**
     * Writes {@code text} to {@code target}.
     *
     * @param option     the flag or parameter that named it, for the messages ({@code --out})
     * @param example    a file name the flag takes, for the message about a directory
     * @param whenExists the refusal when {@code target} exists; null replaces it
     */
    public static void write(Path target, String text, String option, String example, Supplier<LiteShiftException> whenExists) {
        if (Files.isDirectory(target)) throw refused(target + " is a directory. Give " + option + " a file name (e.g. " + example + ").");
        if (whenExists != null && Files.exists(target)) throw whenExists.get();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) throw refused("the directory " + parent + " does not exist. Create it first.");
        Path tmp = parent.resolve("." + target.getFileName() + ".liteshift-" + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (whenExists == null) Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            else Files.move(tmp, target);
        } catch (FileAlreadyExistsException e) {
            throw whenExists.get(); // it appeared meanwhile
        } catch (IOException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot write " + target + " (" + option + "): " + e
                    + ". Nothing was written; check that its directory is writable, or choose another " + option + ".", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // moved into place, or never written
            }
        }
    }

    /** A refusal to write, saying so. */
    public static LiteShiftException refused(String why) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, why + " Nothing was written.");
    }
}
