package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.EachDatabase;
import io.liteshift.Fix;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.report.JsonResults;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

@Command(name = "migrate", description = {
        "Apply the pending migrations, each once, in order, atomically with its journal row.",
        "Refuses, changing nothing, when an applied migration was edited or removed, the integrity file does not match,",
        "or a pending migration is older than the newest applied one. Other processes migrating the same file wait.",
        "Runs `lint` first and refuses (exit 4) when it finds an error, unless --force.",
        "On a LiteFS replica (.primary beside the database) it writes nothing and waits for the primary's migrations.",
        "--each GLOB migrates every matching database, --parallel N at once, and sums up in a table."})
final class MigrateCommand extends ProjectCommand {
    @Mixin
    MigrateFlags flags;
    @Mixin
    EachOptions each;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (each.requested()) return EachRun.run(this, each, json.on, this::one);
        PrintWriter err = err();
        // with something pending: lint (refuses with exit 4 on an error, unless --force), then the backup (--backup)
        MigrateResult r = Setup.configuration(project, flags).progress(err::println).load().migrate();
        if (json.on) return Json.print(spec, 0, JsonResults.migrated(project.requireDatabase(), r));
        Reports.migrated(r, project.requireDatabase(), report());
        return 0;
    }

    /** One database of {@code --each}: its backups (with --backup) kept apart like the databases themselves. */
    private EachRun.Row one(EachDatabase.Match db) {
        Configuration config = Setup.configuration(project, flags, db).progress(line -> err().println(db.name() + ": " + line));
        if (flags.backup) config.backupBeforeMigrate(EachRun.below(project.resolve().backups(), db), flags.keep);
        MigrateResult r = config.load().migrate();
        List<String> messages = new ArrayList<>();
        r.lintWarnings().forEach(w -> messages.add("warning: lint: " + w));
        r.drift().forEach(d -> messages.add("warning: " + d.message(Fix.FrontEnd.COMMAND_LINE)));
        Reports.notes(r, Fix.FrontEnd.COMMAND_LINE).forEach(n -> messages.add("note: " + n));
        String result = r.onReplica() ? "replica" : r.upToDate() ? "up to date" : "migrated";
        String detail = r.onReplica() ? "nothing written (primary: " + r.replicaOf().get() + ")"
                : r.upToDate() ? "" : r.applied().size() + " applied" + (r.appliedByOthers().isEmpty() ? "" : ", "
                + r.appliedByOthers().size() + " by another process") + (r.backup().isPresent() ? ", backed up first" : "");
        return new EachRun.Row(0, result, EachRun.Row.version(r.version()), detail, messages, JsonResults.migrated(db.name(), r));
    }
}
