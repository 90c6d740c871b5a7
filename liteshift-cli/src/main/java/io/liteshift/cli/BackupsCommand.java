package io.liteshift.cli;

import io.liteshift.apply.DatabaseUrl;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

@Command(name = "backups", description = {
        "List the backups in the backup directory, oldest first: time (UTC), schema version, size, SHA-256 from the manifest.",
        "Only those of --db's database when a database is given. Reads only; the checksums are checked by restore."})
final class BackupsCommand extends ProjectCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Option(names = "--to", paramLabel = "DIR", description = "the backup directory (default: backups, or as set in liteshift.toml)")
    Path to;

    @Override
    public Integer call() {
        Path dir = BackupCommand.directory(project, to);
        String db = project.resolve().database();
        List<BackupInfo> all = Backups.list(dir, db == null ? null : DatabaseUrl.toPath(db).getFileName().toString());
        if (all.isEmpty()) {
            out().println("No backups in " + dir + (db == null ? "." : " of " + DatabaseUrl.toPath(db).getFileName() + "."));
            return 0;
        }
        for (BackupInfo b : all) {
            out().printf("%s UTC  v%04d  %9s  %s  %s%n", WHEN.format(b.taken()), b.version(), Backups.human(b.size()),
                    b.sha256() == null ? "no manifest" : "sha256 " + b.sha256().substring(0, 16), b.file().getFileName());
        }
        return 0;
    }
}
