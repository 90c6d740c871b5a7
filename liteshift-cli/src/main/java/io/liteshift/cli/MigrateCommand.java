package io.liteshift.cli;

import io.liteshift.migrate.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

@Command(name = "migrate", description = {
        "Apply the pending migrations, each once, in order, atomically with its journal row.",
        "Refuses, changing nothing, when an applied migration was edited or removed, the integrity file does not match,",
        "or a pending migration is older than the newest applied one. Other processes migrating the same file wait.",
        "Runs `lint` first and refuses (exit 4) when it finds an error, unless --force."})
final class MigrateCommand extends ProjectCommand {
    @Mixin
    MigrateFlags flags;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        // with something pending: the backup (--backup) first, then lint (refuses with exit 4 on an error, unless --force)
        MigrateResult r = Setup.configuration(project, flags).progress(err::println).load().migrate();
        Reports.migrated(r, project.requireDatabase(), out, err);
        return 0;
    }
}
