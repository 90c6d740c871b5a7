package io.liteshift.cli;

import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Problem;
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
        r.backup().ifPresent(b -> out.println("backup " + b));
        for (AppliedMigration a : r.applied()) out.printf("applied %s_%s in %d ms%n", a.label(), a.name(), a.took().toMillis());
        if (!r.appliedByOthers().isEmpty()) {
            out.println("applied meanwhile by another process: " + r.appliedByOthers());
        }
        for (String note : r.notes()) out.println("note: " + note);
        for (Problem d : r.drift()) err.println("liteshift: warning: " + d.message());
        if (r.upToDate()) out.println("Nothing to do: " + project.requireDatabase() + " is up to date"
                + (r.version() == 0 ? " (no migrations)." : " at " + String.format("%04d", r.version()) + "."));
        else out.printf("Database at %04d; %d applied in %d ms.%n", r.version(), r.applied().size(), r.took().toMillis());
        return 0;
    }
}
