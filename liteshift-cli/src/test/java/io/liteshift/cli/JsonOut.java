package io.liteshift.cli;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's {@code --json} output, read as a script would: standard output is one JSON object, under the envelope
 * docs/json.md promises, whose exit code is the process's.
 */
final class JsonOut {
    private JsonOut() {
    }

    static Map<String, Object> of(String command, Cli.Result r) {
        Map<String, Object> m;
        try {
            m = JSON.std.mapFrom(r.out());
        } catch (IOException e) {
            throw new UncheckedIOException("standard output is not one JSON object: " + r, e);
        }
        assertThat(m.get("liteshift")).as(r.toString()).isEqualTo(Map.of("json", 1, "command", command));
        assertThat(m.get("exitCode")).as(r.toString()).isEqualTo(r.exitCode());
        assertThat(m.get("ok")).as(r.toString()).isEqualTo(r.exitCode() == 0);
        return m;
    }

    /** The {@code error} of a refused or failed run. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> error(String command, Cli.Result r) {
        Map<String, Object> m = of(command, r);
        assertThat(m).as(r.toString()).containsKey("error");
        Map<String, Object> error = (Map<String, Object>) m.get("error");
        assertThat(error.get("exitCode")).isEqualTo(r.exitCode());
        return error;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }
}
