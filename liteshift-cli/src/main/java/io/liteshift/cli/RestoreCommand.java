package io.liteshift.cli;

import io.liteshift.LiteShift;
import io.liteshift.report.JsonBackups;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.RestoreResult;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "restore", description = {
        "Replace the database with a backup, atomically: every process opening it sees the old file or the new one.",
        "The backup is verified first (manifest SHA-256, integrity_check); the old file is kept as <db>.replaced-<time>,",
        "with its -wal/-shm/-journal beside it; owner and mode are kept. Refused (exit 1) while another process writes",
        "the database or has it open in WAL mode, unless --force. Without --yes it verifies and says what it would do."})
final class RestoreCommand extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "BACKUP", description = "the backup file")
    Path backup;

    @Option(names = "--yes", description = "restore (without it: a dry run that verifies the backup and changes nothing)")
    boolean yes;

    @Option(names = "--force", description = "restore even while another process uses the database (what it writes meanwhile is lost)")
    boolean force;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path file = ProjectOptions.workingDir().resolve(backup).normalize();
        project.requireDatabase();
        Path db = project.resolve().databaseFile().toAbsolutePath().normalize();
        LiteShift liteShift = Setup.configuration(project, null).load();
        if (!yes) {
            BackupInfo b = liteShift.verifyBackup(file);
            if (json.on) return Json.print(spec, 0, JsonBackups.wouldRestore(db, b, Files.exists(db)));
            out().printf("backup %s verified (sha256 %s, integrity ok, v%s).%n", file, b.sha256(), Reports.version(b.version()));
            out().println(Files.exists(db)
                    ? "Would replace " + db + " with it, keeping the current file as " + db.getFileName() + ".replaced-<time>."
                    : "Would create " + db + " from it.");
            out().println("Dry run: nothing was changed. Run again with --yes to restore.");
            return 0;
        }
        RestoreResult r = liteShift.restore(file, force);
        if (json.on) return Json.print(spec, 0, JsonBackups.restored(r));
        Reports.restored(r, file, report());
        return 0;
    }
}
