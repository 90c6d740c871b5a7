package io.liteshift.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What a restore did.
 *
 * @param target   the database file that now holds the backup's content
 * @param replaced where the previous file was kept ({@code <db>.replaced-<time>}), or null when there was none
 * @param movedAside the previous file's {@code -wal}, {@code -shm} or {@code -journal}, moved beside {@code replaced}
 *                   so that they can never be applied to the restored file
 * @param backup   the backup that was restored
 */
public record RestoreResult(Path target, Path replaced, List<Path> movedAside, BackupInfo backup) {
}
