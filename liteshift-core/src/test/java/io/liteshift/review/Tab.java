package io.liteshift.review;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One page of a {@link Chromium}, watched from before it loads: every console message at error level, every
 * uncaught exception, every browser log entry at warning or error level (a Content-Security-Policy refusal is one),
 * every request the page makes and every dialog it opens ({@code alert()} from injected markup would be one; it is
 * dismissed so the page goes on).
 */
final class Tab {
    private final DevTools devTools;
    private final String session;
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    /** Every request the page asked for, by its DevTools request id, in order. */
    private final Map<String, String> asked = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> blockedIds = ConcurrentHashMap.newKeySet();
    private final List<String> dialogs = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    Tab(DevTools devTools, String target, String session) {
        this.devTools = devTools;
        this.session = session;
        devTools.listen(this::onEvent);
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) call(domain + ".enable", Map.of());
    }

    @SuppressWarnings("unchecked")
    private void onEvent(Map<String, Object> message) {
        if (!session.equals(message.get("sessionId"))) return;
        Map<String, Object> params = (Map<String, Object>) message.getOrDefault("params", Map.of());
        switch (String.valueOf(message.get("method"))) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> {
                String type = String.valueOf(params.get("type"));
                if (List.of("error", "assert", "warning").contains(type)) errors.add("console." + type + ": " + params.get("args"));
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.get("exceptionDetails"));
            case "Log.entryAdded" -> {
                Map<String, Object> entry = (Map<String, Object>) params.get("entry");
                String level = String.valueOf(entry.get("level"));
                if (level.equals("error") || level.equals("warning")) {
                    errors.add("log " + level + " (" + entry.get("source") + "): " + entry.get("text") + " " + entry.getOrDefault("url", ""));
                }
            }
            case "Network.requestWillBeSent" -> asked.putIfAbsent(String.valueOf(params.get("requestId")),
                    String.valueOf(((Map<String, Object>) params.get("request")).get("url")));
            case "Network.loadingFailed" -> {
                // a request the page's Content-Security-Policy refused never left the browser
                if ("csp".equals(params.get("blockedReason"))) blockedIds.add(String.valueOf(params.get("requestId")));
            }
            case "Page.javascriptDialogOpening" -> {
                dialogs.add(params.get("type") + ": " + params.get("message"));
                // answered on another thread: this one delivers the reply the call waits for
                CompletableFuture.runAsync(() -> call("Page.handleJavaScriptDialog", Map.of("accept", false)));
            }
            default -> {
            }
        }
    }

    Map<String, Object> call(String method, Map<String, Object> params) {
        return devTools.call(session, method, params);
    }

    /** Loads {@code url} and waits for its load event (every script has run by then); what was watched before is forgotten. */
    void load(URI url) {
        errors.clear();
        asked.clear();
        blockedIds.clear();
        dialogs.clear();
        loaded = new CompletableFuture<>();
        Map<String, Object> navigation = call("Page.navigate", Map.of("url", url.toString()));
        if (navigation.containsKey("errorText")) throw new IllegalStateException("cannot load " + url + ": " + navigation.get("errorText"));
        try {
            loaded.get(DevTools.REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(url + " did not finish loading within " + DevTools.REPLY_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** The value of a JavaScript expression in the page (JSON-like: strings, numbers, booleans, lists, maps). */
    Object eval(String expression) {
        Map<String, Object> r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.containsKey("exceptionDetails")) throw new IllegalStateException("the page threw on " + expression + ": " + r.get("exceptionDetails"));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) r.get("result");
        return result.get("value");
    }

    String text(String expression) {
        return String.valueOf(eval(expression));
    }

    /** Emulates a media type ("print", or "" for the screen) and a colour-scheme preference ("dark", "light"). */
    void emulate(String media, String colorScheme) {
        call("Emulation.setEmulatedMedia", Map.of("media", media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    void viewport(int width, int height) {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A PNG of the viewport's area, or of the whole page (at most {@code maxHeight} pixels of it). */
    void screenshot(Path png, boolean wholePage, int maxHeight) throws IOException {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("format", "png"));
        if (wholePage) {
            double width = ((Number) eval("document.documentElement.scrollWidth")).doubleValue();
            double height = Math.min(maxHeight, ((Number) eval("document.documentElement.scrollHeight")).doubleValue());
            params.put("captureBeyondViewport", true);
            params.put("clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
        }
        String data = (String) call("Page.captureScreenshot", params).get("data");
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    /** A PNG of the part of the page the first element matching {@code selector} covers. */
    void screenshotOf(String selector, Path png) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) eval("(() => { const r = document.querySelector(" + quoted(selector)
                + ").getBoundingClientRect(); return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height}; })()");
        Map<String, Object> clip = new LinkedHashMap<>(box);
        clip.put("scale", 1);
        String data = (String) call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    /** {@code s} as a JavaScript string literal. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c > 0x7E) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /** The URLs the page asked for that went out (or would have: a missing file counts too), in order. */
    List<String> requests() {
        synchronized (asked) {
            return asked.entrySet().stream().filter(e -> !blockedIds.contains(e.getKey())).map(Map.Entry::getValue).toList();
        }
    }

    /** The URLs the page asked for that its Content-Security-Policy stopped before they left. */
    List<String> blocked() {
        synchronized (asked) {
            return asked.entrySet().stream().filter(e -> blockedIds.contains(e.getKey())).map(Map.Entry::getValue).toList();
        }
    }

    List<String> dialogs() {
        return List.copyOf(dialogs);
    }
}
