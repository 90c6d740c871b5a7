package io.liteshift.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup file and what its manifest says about it.
 *
 * @param file     the backup ({@code <db>-<yyyyMMdd-HHmmssSSS>-v<version>.sqlite})
 * @param database the name of the database it was taken of (file name without extension)
 * @param taken    when it was taken (UTC, from the file name)
 * @param version  the newest applied migration at the time, 0 when none
 * @param size     its size in bytes
 * @param sha256   the SHA-256 its manifest records, or null when the manifest is missing
 * @param source   the database file it was taken from (from the manifest), or null
 */
public record BackupInfo(Path file, String database, Instant taken, int version, long size, String sha256, String source) {
    /** The file holding this backup's checksum and metadata ({@code <backup>.manifest}). */
    public Path manifest() {
        return Manifest.of(file);
    }
}
