package io.liteshift.report;

import io.liteshift.Fix;
import io.liteshift.PulledSchema;
import io.liteshift.PushResult;
import io.liteshift.ReviewResult;
import io.liteshift.lint.LintIssue;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.migrate.Migration;
import io.liteshift.online.OnlineResult;
import io.liteshift.online.Recovery;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Step;
import io.liteshift.schema.Schema;
import io.liteshift.seed.SeedResult;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code --json} bodies of the commands that change or write something (see {@link JsonReports} for the envelope). */
public final class JsonResults {
    private JsonResults() {
    }

    public static Map<String, Object> migrated(String database, MigrateResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("version", r.version());
        m.put("upToDate", r.upToDate());
        m.put("applied", r.applied().stream().map(JsonReports::applied).toList());
        m.put("appliedByOthers", r.appliedByOthers());
        m.put("replicaOf", r.replicaOf().orElse(null));
        m.put("backup", path(r.backup()));
        m.put("lintWarnings", r.lintWarnings());
        m.put("drift", JsonReports.problems(r.drift()));
        m.put("notes", r.notes(JsonReports.READER));
        m.put("durationMs", r.took().toMillis());
        return m;
    }

    /** {@code generate} and {@code revert}: the file written (null when nothing changed), its steps and what needs attention. */
    public static Map<String, Object> generated(GenerateResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("written", r.written());
        m.put("file", path(r.file()));
        m.put("snapshots", r.snapshots());
        m.put("steps", steps(r.plan()));
        m.put("rebuilt", rebuilt(r.plan()));
        m.put("attention", r.attention().stream().map(a -> Fix.render(a, JsonReports.READER)).toList());
        m.put("sql", r.written() ? r.sql() : null);
        return m;
    }

    /** {@code hash}: the files it (re)wrote in the migrations directory. */
    public static Map<String, Object> hashed(Path migrations, List<String> written) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("directory", migrations.toString());
        m.put("written", written);
        return m;
    }

    public static Map<String, Object> created(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        return m;
    }

    /** {@code repair}: the applied migrations whose journal rows took their files' new checksums. */
    public static Map<String, Object> repaired(String database, List<Migration> accepted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("accepted", accepted.stream().map(a -> {
            Map<String, Object> x = JsonReports.migration(a);
            x.put("checksum", a.checksum());
            return x;
        }).toList());
        return m;
    }

    public static Map<String, Object> baselined(String database, int version, List<AppliedMigration> recorded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("version", version);
        m.put("recorded", recorded.stream().map(JsonReports::applied).toList());
        return m;
    }

    /** {@code seed}: {@code directory} null when there is no seeds directory. */
    public static Map<String, Object> seeded(String database, Path directory, SeedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("directory", directory == null ? null : directory.toString());
        m.put("applied", r.applied().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", s.name());
            x.put("kind", s.kind());
            x.put("durationMs", s.took().toMillis());
            return x;
        }).toList());
        m.put("upToDate", r.upToDate());
        m.put("warnings", r.warnings());
        return m;
    }

    public static Map<String, Object> pushed(String database, PushResult r, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("dryRun", dryRun);
        m.put("nothingToDo", r.plan().isEmpty());
        m.put("applied", r.applied());
        m.put("steps", steps(r.plan()));
        m.put("rebuilt", rebuilt(r.plan()));
        m.put("findings", r.findings().all().stream().map(JsonResults::finding).toList());
        m.put("backup", path(r.backup()));
        m.put("online", r.online().map(o -> o.rebuilt().stream().map(JsonResults::onlineRebuild).toList()).orElse(List.of()));
        m.put("recoveries", r.recoveries());
        m.put("durationMs", r.took().toMillis());
        return m;
    }

    /** One table rebuilt online: its figures as {@code push} prints them. */
    private static Map<String, Object> onlineRebuild(OnlineResult o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", o.table());
        m.put("rows", o.rows());
        m.put("copyMs", o.copyTime().toMillis());
        m.put("drainMs", o.drainTime().toMillis());
        m.put("longestLockMs", o.longestLock().toMillis());
        m.put("chunks", o.chunks());
        m.put("rowsPerSecond", Math.round(o.rowsPerSecond()));
        m.put("recovery", o.recovery() instanceof Recovery.Nothing ? null : o.recovery().describe());
        return m;
    }

    /** {@code diff}: the script from one side to the other ("" when they are equal) and its steps. */
    public static Map<String, Object> diff(String from, String to, Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        m.put("equal", plan.isEmpty());
        m.put("steps", steps(plan));
        m.put("rebuilt", rebuilt(plan));
        m.put("sql", plan.isEmpty() ? "" : plan.toSql());
        return m;
    }

    /** {@code pull}: the schema's objects by kind, and its SQL (also when it went to a file, {@code out}). */
    public static Map<String, Object> pulled(String database, PulledSchema p, Path out) {
        Schema s = p.schema();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("out", out == null ? null : out.toString());
        m.put("tables", s.tables().stream().map(t -> t.name()).toList());
        m.put("indexes", s.indexes().stream().map(i -> i.name()).toList());
        m.put("views", s.views().stream().map(v -> v.name()).toList());
        m.put("triggers", s.triggers().stream().map(t -> t.name()).toList());
        m.put("virtualTables", s.virtualTables().stream().map(v -> v.name()).toList());
        m.put("leftOut", p.leftOut());
        m.put("sql", p.sql());
        return m;
    }

    /**
     * {@code review}: the page written, its verdict ({@code safe}, {@code needs_attention}, {@code destructive}) with
     * the reasons, and per migration the findings the page shows at their lines.
     */
    public static Map<String, Object> reviewed(ReviewResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file().toString());
        m.put("title", r.input().title());
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("level", r.verdict().level().name().toLowerCase(Locale.ROOT));
        verdict.put("reasons", r.verdict().reasons());
        m.put("verdict", verdict);
        m.put("migrations", r.input().migrations().stream().map(migration -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", migration.fileName());
            x.put("steps", migration.steps().size());
            x.put("findings", migration.findings().stream().map(f -> {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("code", f.code());
                y.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
                y.put("line", f.line());
                y.put("subject", f.subject());
                y.put("message", f.message());
                y.put("fix", f.fix());
                y.put("destroys", f.destroysData());
                return y;
            }).toList());
            return x;
        }).toList());
        return m;
    }

    private static List<Map<String, Object>> steps(Plan plan) {
        return plan.steps().stream().map(JsonResults::step).toList();
    }

    private static Map<String, Object> step(Step s) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("comment", s.comment());
        x.put("sql", s.sql());
        return x;
    }

    /** The tables the plan rebuilds (create, copy, drop, rename) rather than alters in place. */
    private static List<String> rebuilt(Plan plan) {
        return plan.rebuilds().stream().map(t -> t.to().name()).toList();
    }

    /** A finding of push's data check: a lint finding, and whether it is data that {@code --yes} destroys. */
    private static Map<String, Object> finding(LintIssue i) {
        Map<String, Object> x = JsonReports.issue(i);
        x.remove("file");
        x.remove("line");
        x.put("destroys", i.lintCode().destroysData());
        return x;
    }

    static String path(Optional<Path> p) {
        return p.map(Path::toString).orElse(null);
    }
}
