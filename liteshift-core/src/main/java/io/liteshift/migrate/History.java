package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.sqlite.SchemaVersion;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The migrations directory read against a database's journal: what is applied, what is pending, and every
 * reason not to trust the history.
 *
 * @param ahead applied migrations newer than any file: the database is ahead of this copy of the migrations (an
 *              older application version during a rollback). Worth saying, not a reason to refuse.
 */
public record History(List<Migration> files, List<AppliedMigration> applied, List<Migration> pending,
                      List<AppliedMigration> ahead, List<Problem> problems) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static History of(MigrationDirectory dir, List<AppliedMigration> applied, boolean outOfOrder) {
        List<Problem> problems = new ArrayList<>(dir.problems());
        List<Migration> files = dir.migrations();
        Map<Integer, Migration> byVersion = new HashMap<>();
        for (Migration m : files) byVersion.putIfAbsent(m.version(), m);
        int newestFile = files.stream().mapToInt(Migration::version).max().orElse(0);
        List<AppliedMigration> ahead = new ArrayList<>();
        Map<Integer, AppliedMigration> appliedByVersion = new HashMap<>();
        for (AppliedMigration a : applied) {
            appliedByVersion.put(a.version(), a);
            Migration m = byVersion.get(a.version());
            if (m == null && a.version() > newestFile) {
                ahead.add(a);
            } else if (m == null) {
                problems.add(new Problem(Problem.Kind.MISSING, "migration " + a.label() + " (" + a.name() + ") was applied on "
                        + WHEN.format(a.appliedAt()) + " by " + a.appliedBy() + " but its file is not in " + dir.label()
                        + ". Restore it from version control: a migration that ran somewhere must stay in the history."));
            } else if (!m.checksum().equals(a.checksum())) {
                problems.add(new Problem(Problem.Kind.CHECKSUM, dir.label() + "/" + m.fileName() + " was applied on "
                        + WHEN.format(a.appliedAt()) + " by " + a.appliedBy() + " and has been edited since (checksum "
                        + shortHash(a.checksum()) + " then, " + shortHash(m.checksum()) + " now). Restore the applied text from"
                        + " version control and put the change in a new migration; if the edit is reviewed and changes nothing"
                        + " that ran (a comment, say), accept it with `" + Fix.command(Fix.Command.REPAIR) + "`."));
            }
        }
        int newestApplied = applied.stream().mapToInt(AppliedMigration::version).max().orElse(0);
        List<Migration> pending = new ArrayList<>();
        for (Migration m : files) {
            if (appliedByVersion.containsKey(m.version())) continue;
            pending.add(m);
            if (!outOfOrder && m.version() < newestApplied) {
                problems.add(new Problem(Problem.Kind.OUT_OF_ORDER, dir.label() + "/" + m.fileName() + " is pending, but the newer "
                        + SchemaVersion.label(newestApplied) + " is applied already: it was probably merged after "
                        + SchemaVersion.label(newestApplied) + " was deployed. liteshift never skips it silently. Renumber it to follow "
                        + "the newest migration and run `" + Fix.command(Fix.Command.HASH) + "`, or, once you have checked it does not depend on the"
                        + " order, apply it with " + Fix.setting(Fix.Setting.OUT_OF_ORDER) + "."));
            }
        }
        return new History(files, applied, pending, ahead, problems);
    }

    public boolean blocked() {
        return problems.stream().anyMatch(Problem::blocksMigrate);
    }

    /** The newest applied version, 0 when none. */
    public int version() {
        return applied.stream().mapToInt(AppliedMigration::version).max().orElse(0);
    }

    private static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }
}
