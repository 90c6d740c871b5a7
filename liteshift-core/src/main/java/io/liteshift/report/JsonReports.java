package io.liteshift.report;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.doctor.Diagnosis;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.History;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.Problem;
import io.liteshift.rehearse.RehearsalReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's {@code --json}: one object per run, whose shape is documented in {@code docs/json.md} and kept
 * stable under {@code "liteshift": {"json": 1}} (a field may be added; one is never renamed, removed or retyped
 * without raising that number). Every object here is a {@code LinkedHashMap}: {@code Map.of}'s order changes from
 * run to run, and the output must not. Messages name commands as the command line runs them.
 */
public final class JsonReports {
    /** The version of the shape; raised only by a change that could break a reader. */
    public static final int VERSION = 1;
    static final Fix.FrontEnd READER = Fix.FrontEnd.COMMAND_LINE;

    private JsonReports() {
    }

    /** {@code body} under the envelope every output shares: what made it, whether it went well, the exit code. */
    public static Map<String, Object> envelope(String command, boolean ok, int exitCode, Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("json", VERSION);
        about.put("command", command);
        m.put("liteshift", about);
        m.put("ok", ok);
        m.put("exitCode", exitCode);
        body.forEach(m::putIfAbsent);
        return m;
    }

    /** The whole output of a run that failed: the envelope ({@code ok} false, the error's exit code) and the {@code error}. */
    public static Map<String, Object> failed(String command, Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        return envelope(command, false, (Integer) error.get("exitCode"), body);
    }

    /** What a refusal or failure says: why (a {@link LiteShiftException.Reason}, lower case), the message, what to run. */
    public static Map<String, Object> error(LiteShiftException e, int exitCode) {
        return error(e.reason().name().toLowerCase(Locale.ROOT), e.message(READER), Fix.names(e.text(), READER), exitCode);
    }

    /**
     * An error of another kind: {@code reason} is {@code usage} (a bad option), {@code unexpected} (a bug: the message
     * is the exception) or {@code interrupted} (a stop signal).
     */
    public static Map<String, Object> error(String reason, String message, List<String> fix, int exitCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", reason);
        m.put("message", message);
        m.put("fix", List.copyOf(fix));
        m.put("exitCode", exitCode);
        return m;
    }

    /** {@code status} and {@code verify} (with a database): the journal against the files, and each problem. */
    public static Map<String, Object> history(String database, History h, List<Problem> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("version", h.version());
        m.put("applied", h.applied().stream().map(JsonReports::applied).toList());
        m.put("pending", h.pending().stream().map(JsonReports::migration).toList());
        m.put("ahead", h.ahead().stream().map(JsonReports::applied).toList());
        m.put("problems", problems(problems));
        return m;
    }

    public static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            entry.put("message", p.message(READER));
            return entry;
        }).toList();
    }

    static Map<String, Object> applied(AppliedMigration a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", a.version());
        m.put("name", a.name());
        m.put("checksum", a.checksum());
        m.put("appliedAt", a.appliedAt().toString());
        m.put("durationMs", a.took().toMillis());
        m.put("appliedBy", a.appliedBy());
        m.put("kind", a.kind());
        return m;
    }

    static Map<String, Object> migration(Migration p) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", p.version());
        entry.put("file", p.fileName());
        return entry;
    }

    public static Map<String, Object> lint(LintReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database());
        m.put("linted", r.linted());
        m.put("suppressed", r.suppressed());
        m.put("issues", r.issues().stream().map(JsonReports::issue).toList());
        return m;
    }

    /** A lint finding, or one of push's: its code, how much it matters, where and what to do. */
    static Map<String, Object> issue(LintIssue i) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("code", i.code());
        x.put("severity", i.severity().name().toLowerCase(Locale.ROOT));
        x.put("file", i.file());
        x.put("line", i.line());
        x.put("subject", i.subject());
        x.put("message", Fix.render(i.message(), READER));
        x.put("fix", Fix.render(i.fix(), READER));
        return x;
    }

    public static Map<String, Object> doctor(DoctorReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database().toString());
        m.put("errors", r.count(Diagnosis.Severity.ERROR));
        m.put("warnings", r.count(Diagnosis.Severity.WARNING));
        m.put("findings", r.findings().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", f.code());
            x.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            x.put("found", f.found());
            x.put("cause", f.cause());
            x.put("fix", f.fix());
            return x;
        }).toList());
        return m;
    }

    public static Map<String, Object> rehearsal(RehearsalReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database());
        m.put("copy", r.copy() == null ? null : r.copy().toString());
        m.put("sizeBefore", r.sizeBefore());
        m.put("sizeAfter", r.sizeAfter());
        m.put("migrations", r.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("version", s.label());
            step.put("name", s.name());
            step.put("durationMs", s.took().toMillis());
            step.put("rowsChanged", s.rowsChanged());
            step.put("sizeBefore", s.sizeBefore());
            step.put("sizeAfter", s.sizeAfter());
            return step;
        }).toList());
        if (r.failure() == null) {
            m.put("failure", null);
        } else {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("migration", r.failure().migration());
            f.put("reason", r.failure().reason().name().toLowerCase(Locale.ROOT));
            f.put("message", r.failure().message(READER));
            m.put("failure", f);
        }
        m.put("problems", problems(r.problems()));
        return m;
    }
}
