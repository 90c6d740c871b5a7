package io.liteshift.backup;

import io.liteshift.Owner;
import io.liteshift.sqlite.Bytes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A partial backup: the temporary copy (with SQLite's {@code -journal} of it, and its manifest) of a backup that never
 * got its name. A backup that fails removes its own; one that was killed (SIGKILL, out of memory, a machine stopped)
 * cannot, so the next {@code backup} of that database removes it, and so does {@code --keep} pruning, once
 * {@link Owner#leftOver} says its process is gone; until then another backup may still be writing it.
 *
 * @param file     the temporary copy ({@code .<db>-<time>.<pid>@<host>.tmp}); it may be gone while its journal is left
 * @param files    every file of it that exists
 * @param database the base name of the database it is a backup of
 * @param started  when that backup started (from the name)
 * @param size     the bytes of all its files
 * @param owner    the process that wrote it, from the name; empty for a name without one
 * @param leftOver whether that process is gone, so that it may be removed
 */
public record BackupLeftover(Path file, List<Path> files, String database, Instant started, long size, Optional<Owner> owner,
                             boolean leftOver) {
    public BackupLeftover {
        files = List.copyOf(files);
    }

    /** ".app-20261124-012548587.4242@web-1.tmp (128.0 MiB, pid 4242 on web-1, no longer running)". */
    public String describe() {
        return file.getFileName() + " (" + Bytes.of(size) + ", " + Owner.describe(owner, leftOver) + ")";
    }
}
