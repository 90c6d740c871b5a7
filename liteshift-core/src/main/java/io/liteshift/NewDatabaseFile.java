package io.liteshift;

import io.liteshift.sqlite.DatabaseUrl;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A database file that {@code migrate} creates itself, so that it knows the file is new and its own: nothing in it can
 * be lost, so it may be brought to the newest version in one transaction, and after a failure it is deleted again. A
 * file that was there before the run, even one of zero bytes (another process may be about to migrate it, or have
 * set its journal mode), is an existing database and is migrated one migration at a time.
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
