package io.liteshift.cli;

import io.liteshift.Owner;
import io.liteshift.report.JsonBackups;
import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.DatabaseUrl;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.BackupLeftover;
import io.liteshift.backup.Backups;
import io.liteshift.sqlite.SchemaVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

@Command(name = "backups", description = {
        "List the backups in the backup directory, oldest first: time (UTC), schema version, size, SHA-256 from the manifest.",
        "Only those of --db's database when a database is given. Reads only; the checksums are checked by restore.",
        "Partial backups (of a backup that was killed, or one still running) follow, each on a 'partial' line."})
final class BackupsCommand extends ProjectCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Option(names = "--to", paramLabel = "DIR", description = "the backup directory (default: backups, or as set in liteshift.toml)")
    Path to;

    @picocli.CommandLine.Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path dir = BackupCommand.directory(project, to);
        String db = project.resolve().database();
        String name = db == null ? null : DatabaseUrl.toPath(db).getFileName().toString();
        List<BackupInfo> all = Backups.list(dir, name);
        List<BackupLeftover> partial = Backups.leftovers(dir, name);
        if (json.on) return Json.print(spec, 0, JsonBackups.listed(dir, name, all, partial));
        if (all.isEmpty()) out().println("No backups in " + dir + (db == null ? "." : " of " + DatabaseUrl.toPath(db).getFileName() + "."));
        for (BackupInfo b : all) {
            out().printf("%s UTC  v%s  %9s  %s  %s%n", WHEN.format(b.taken()), SchemaVersion.label(b.version()), Bytes.of(b.size()),
                    b.sha256() == null ? "no manifest" : "sha256 " + b.sha256().substring(0, 16), b.file().getFileName());
        }
        for (BackupLeftover l : partial) {
            out().printf("%s UTC  partial  %9s  %s  %s%n", WHEN.format(l.started()), Bytes.of(l.size()), l.file().getFileName(),
                    l.leftOver() ? "left by a stopped backup (" + Owner.describe(l.owner(), true) + "); the next backup removes it"
                            : "being written (" + Owner.describe(l.owner(), false) + ")");
        }
        return 0;
    }
}
