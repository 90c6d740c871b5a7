package io.liteshift.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.liteshift.Fix;
import io.liteshift.migrate.AppliedMigration;
import io.liteshift.migrate.History;
import io.liteshift.migrate.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable output of {@code status --json} and {@code verify --json}. */
final class Json {
    private Json() {
    }

    static String of(Map<String, Object> value) {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> history(String database, History h, boolean ok, List<Problem> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("ok", ok);
        m.put("version", h.version());
        m.put("applied", h.applied().stream().map(Json::applied).toList());
        m.put("pending", h.pending().stream().map(p -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", p.version());
            entry.put("file", p.fileName());
            return entry;
        }).toList());
        m.put("problems", problems(problems));
        return m;
    }

    /** In a LinkedHashMap, as every object here: Map.of's order changes from run to run, and the output must not. */
    static List<Map<String, String>> problems(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("kind", p.kind().name().toLowerCase());
            entry.put("message", p.message(Fix.FrontEnd.COMMAND_LINE));
            return entry;
        }).toList();
    }

    private static Map<String, Object> applied(AppliedMigration a) {
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
}
