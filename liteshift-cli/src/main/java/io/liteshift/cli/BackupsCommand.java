package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.report.JsonBackups;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "backups", description = {
        "List the backups in the backup directory, oldest first: time (UTC), schema version, size, SHA-256 from the manifest.",
        "Only those of --db's database when a database is given. Reads only; the checksums are checked by restore.",
        "Partial backups (of a backup that was killed, or one still running) follow, each on a 'partial' line."})
final class BackupsCommand extends ProjectCommand {
    @Option(names = "--to", paramLabel = "DIR", description = "the backup directory (default: backups, or as set in liteshift.toml)")
    Path to;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path dir = BackupCommand.directory(project, to);
        Path db = project.resolve().databaseFile();
        LiteShift liteShift = Setup.project(project);
        String name = db == null ? null : db.getFileName().toString();
        if (json.on) return Json.print(spec, 0, JsonBackups.listed(dir, name, liteShift.backups(dir), liteShift.partialBackups(dir)));
        Reports.backups(liteShift.backups(dir), liteShift.partialBackups(dir), dir, name, report());
        return 0;
    }
}
