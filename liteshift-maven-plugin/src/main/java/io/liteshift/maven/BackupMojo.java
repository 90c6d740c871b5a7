package io.liteshift.maven;

import io.liteshift.backup.BackupCheck;
import io.liteshift.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * An online, consistent backup of the database while the application keeps writing, named with time and schema
 * version, with a manifest, checked with {@code PRAGMA quick_check} ({@code fullCheck}: {@code integrity_check}) before
 * it gets its name.
 */
@Mojo(name = "backup", threadSafe = true)
public final class BackupMojo extends LiteShiftMojo {
    /** The backups directory; default {@code backups}, or as set in liteshift.toml. */
    @Parameter(property = "liteshift.backups")
    File backups;

    /** Keep only the newest N backups of this database (0: keep all). */
    @Parameter(property = "liteshift.keep", defaultValue = "0")
    int keep;

    /** Check the copy with PRAGMA integrity_check (every row looked up in every index) instead of quick_check. */
    @Parameter(property = "liteshift.fullCheck", defaultValue = "false")
    boolean fullCheck;

    @Override
    void run() {
        Reports.backup(configure().database(requireDatabase()).backupCheck(fullCheck ? BackupCheck.FULL : BackupCheck.QUICK)
                .load().backup(backupsDirectory(backups), keep), log());
    }
}
