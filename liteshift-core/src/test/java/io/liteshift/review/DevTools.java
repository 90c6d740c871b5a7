package io.liteshift.review;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Chromium's DevTools protocol over its WebSocket (JDK's client, no browser-automation library): commands with
 * their replies, and events to whoever listens. One connection to the browser; pages are reached through flat
 * sessions ({@code Target.attachToTarget} with {@code flatten}), whose messages carry a {@code sessionId}.
 */
final class DevTools implements AutoCloseable {
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();
    private final List<Consumer<Map<String, Object>>> listeners = new CopyOnWriteArrayList<>();

    private DevTools(URI endpoint) throws IOException {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(endpoint, new Receiver()).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + endpoint, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to Chromium's DevTools at " + endpoint + ": " + e, e);
        }
    }

    static DevTools connect(URI endpoint) throws IOException {
        return new DevTools(endpoint);
    }

    void listen(Consumer<Map<String, Object>> listener) {
        listeners.add(listener);
    }

    /** Sends {@code method} (to a page's session, or to the browser when {@code sessionId} is null) and waits for its result. */
    Map<String, Object> call(String sessionId, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (sessionId != null) message.put("sessionId", sessionId);
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        try {
            socket.sendText(JSON.std.asString(message), true).get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, Object> answer = reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.containsKey("error")) throw new IllegalStateException(method + " failed: " + answer.get("error"));
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) answer.getOrDefault("result", Map.of());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer to " + method + " within " + REPLY_TIMEOUT.toSeconds() + " s: " + e, e);
        } finally {
            waiting.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Joins a message's fragments, then hands it to the command waiting for it or to the listeners. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                dispatch(whole);
            }
            ws.request(1);
            return null;
        }

        private void dispatch(String json) {
            Map<String, Object> message;
            try {
                message = JSON.std.mapFrom(json);
            } catch (IOException e) {
                throw new UncheckedIOException("Chromium sent what is not JSON: " + json, e);
            }
            Object id = message.get("id");
            if (id instanceof Number n) {
                CompletableFuture<Map<String, Object>> reply = waiting.get(n.intValue());
                if (reply != null) reply.complete(message);
                return;
            }
            for (Consumer<Map<String, Object>> l : listeners) l.accept(message);
        }
    }
}
