package io.liteshift.examples.flyapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTTP side, on the JDK's own server:
 * <pre>
 * GET  /notes            every note, as JSON
 * POST /notes            title=...&amp;body=...&amp;tags=a,b (form-encoded); 201 with the new id
 * POST /notes/{id}/pin   pins a note (schema version 2)
 * GET  /health           200 when the database has the newest schema, 503 with the reason otherwise
 * </pre>
 */
final class NotesHttp {
    private static final Logger LOG = LoggerFactory.getLogger(NotesHttp.class);
    private static final Pattern PIN = Pattern.compile("/notes/(\\d+)/pin");

    private final Notes notes;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    NotesHttp(Notes notes, int port) throws IOException {
        this.notes = notes;
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(workers);
        server.createContext("/notes", this::notes);
        server.createContext("/health", this::health);
    }

    int start() {
        server.start();
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(2);
        workers.shutdown();
    }

    private void notes(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            Matcher pin = PIN.matcher(path);
            if (path.equals("/notes") && method.equals("GET")) {
                send(ex, 200, notes.all());
            } else if (path.equals("/notes") && method.equals("POST")) {
                Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String title = form.get("title");
                if (title == null || title.isBlank()) {
                    send(ex, 400, Map.of("error", "title is required: POST title=...&body=...&tags=a,b"));
                    return;
                }
                List<String> tags = Arrays.stream(form.getOrDefault("tags", "").split(","))
                        .map(String::strip).filter(t -> !t.isEmpty()).distinct().collect(Collectors.toList());
                long id = notes.add(title, form.getOrDefault("body", ""), tags);
                send(ex, 201, Map.of("id", id));
            } else if (pin.matches() && method.equals("POST")) {
                boolean found = notes.pin(Long.parseLong(pin.group(1)));
                send(ex, found ? 200 : 404, found ? Map.of("pinned", true) : Map.of("error", "no note " + pin.group(1)));
            } else {
                send(ex, 404, Map.of("error", "no " + method + " " + path));
            }
        } catch (SQLException e) {
            LOG.warn("{} {} failed: {}", method, path, e.getMessage());
            // a CHECK or NOT NULL violation is the client's; anything else (locked, read-only, no such column) is ours
            boolean constraint = (e.getErrorCode() & 0xff) == 19; // SQLITE_CONSTRAINT, whatever the extended code
            send(ex, constraint ? 400 : 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void health(HttpExchange ex) throws IOException {
        try {
            send(ex, 200, notes.health());
        } catch (SQLException e) {
            LOG.warn("health check failed: {}", e.getMessage());
            send(ex, 503, Map.of("ok", false, "error", String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = (Json.write(body) + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
