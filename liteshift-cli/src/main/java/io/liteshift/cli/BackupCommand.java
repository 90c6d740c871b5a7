package io.liteshift.cli;

import io.liteshift.apply.DatabaseUrl;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "backup", description = {
        "Take an online, consistent backup of the database while the application keeps writing.",
        "Written as <db>-<UTC time>-v<schema version>.sqlite with a .manifest (SHA-256, size, source, time, version),",
        "checked with integrity_check before it gets its name. --keep N deletes this database's older backups beyond N."})
final class BackupCommand extends ProjectCommand {
    @Option(names = "--to", paramLabel = "DIR", description = "the backup directory (default: backups, or as set in liteshift.toml)")
    Path to;

    @Option(names = "--keep", paramLabel = "N", description = "keep only the newest N backups of this database (default: keep all)")
    int keep;

    @Override
    public Integer call() {
        if (keep < 0) throw new io.liteshift.LiteShiftException(io.liteshift.LiteShiftException.Reason.INVALID_INPUT, "--keep must be 0 (keep all) or more.");
        Path db = DatabaseUrl.toPath(project.requireDatabase());
        BackupInfo b = Backups.backup(db, directory(project, to), keep, line -> err().println(line));
        Reports.backup(b, out());
        return 0;
    }

    /** --to, relative to the current directory, or the project's backups directory. */
    static Path directory(ProjectOptions project, Path to) {
        return to == null ? project.resolve().backups() : ProjectOptions.workingDir().resolve(to).normalize();
    }
}
