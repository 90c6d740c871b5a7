package io.liteshift;

import io.liteshift.apply.DatabaseUrl;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A database with nothing in it to lose, which {@code migrate} may bring to the newest version in one transaction: a
 * file it creates itself (so that it knows the file is new and its own, and deletes it again after a failure), or a
 * file of zero bytes that was there before (left as it was after a failure). A file holding anything, even an empty
 * schema, is never taken for new.
 */
final class NewDatabaseFile {
    private NewDatabaseFile() {
    }

    /**
     * Creates the configured database file, empty, when it does not exist and {@code createMissing} allows it. Atomic: of
     * several processes starting at once, exactly one creates it (the others migrate it as an existing file).
     *
     * @return the file this run created; empty when it existed, is not a file path, or could not be created (opening
     *         it then says why)
     */
    static Optional<Path> create(Configuration config) {
        if (config.database == null || !config.createMissing) return Optional.empty();
        Path file = DatabaseUrl.toPath(config.database);
        try {
            Files.createFile(file);
            return Optional.of(file);
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // a missing or read-only directory: opening the database names the problem
        }
    }

    /** Whether the configured database is a file of zero bytes: SQLite has never written to it, so it holds nothing. */
    static boolean isEmptyFile(Configuration config) {
        if (config.database == null) return false;
        Path file = DatabaseUrl.toPath(config.database);
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            return false; // opening it says what is wrong
        }
    }

    /**
     * After a failed run: deletes the file this run created, and SQLite's side files, when nothing was ever committed to
     * it (a rolled-back transaction leaves it empty again).
     *
     * @return what to add to the failure's message; empty when the file holds something (another process migrated it)
     */
    static Optional<String> removeIfEmpty(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != 0) return Optional.empty();
            for (String side : List.of("-journal", "-wal", "-shm")) Files.deleteIfExists(file.resolveSibling(file.getFileName() + side));
            Files.delete(file);
            return Optional.of("The new database file " + file + " was deleted: it existed only because of this run. Nothing was changed.");
        } catch (IOException e) {
            return Optional.of("The new database file " + file + " could not be deleted (" + e.getMessage() + "); it holds nothing"
                    + " and can be removed.");
        }
    }
}
