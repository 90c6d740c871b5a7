package io.liteshift.config;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.toml.TomlParser;
import io.liteshift.LiteShiftException;
import io.liteshift.sql.Utf8Files;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads one {@code liteshift.toml}. Every mistake is an error naming the file (and line where it can be found). */
final class ConfigFile {
    static final List<String> TOP_KEYS = List.of("schema", "migrations", "database", "backups", "schema_class", "classpath", "migrate");
    static final List<String> MIGRATE_KEYS = List.of("create", "out_of_order", "lock_timeout", "baseline_on_migrate");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smh]?)");

    private final Path file;
    private final List<String> lines;

    private ConfigFile(Path file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    static ProjectConfig read(Path file) {
        String text = Utf8Files.read(file, file.toString());
        return new ConfigFile(file, text).parse(text);
    }

    private ProjectConfig parse(String text) {
        Map<String, Object> top = toml(text).valueMap();
        for (String key : top.keySet()) {
            if (!TOP_KEYS.contains(key)) throw unknown(key, null);
        }
        Map<String, Object> migrate = Map.of();
        if (top.get("migrate") != null) {
            if (!(top.get("migrate") instanceof UnmodifiableConfig table)) {
                throw wrongType("migrate", null, "a table (a line [migrate] with its keys below it)", top.get("migrate"));
            }
            migrate = table.valueMap();
            for (String key : migrate.keySet()) {
                if (!MIGRATE_KEYS.contains(key)) throw unknown(key, "migrate");
            }
        }
        Path dir = file.getParent();
        ProjectConfig d = ProjectConfig.defaults(file, dir);
        String database = string(top, "database", null);
        String schemaClass = string(top, "schema_class", null);
        if (schemaClass != null && schemaClass.isBlank()) throw invalid("schema_class", null, "must not be empty; remove the line to use schema");
        if (schemaClass != null && top.get("schema") != null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, at("schema_class", null) + "both schema and"
                    + " schema_class are set: the declared schema is either a .sql file or a Java class. Remove one of the two lines.");
        }
        return new ProjectConfig(file,
                path(top, "schema", d.schema()),
                path(top, "migrations", d.migrations()),
                database == null || database.isBlank() ? null : DatabaseSpec.resolveAgainst(database, dir),
                path(top, "backups", d.backups()),
                bool(migrate, "create", d.createMissing()),
                bool(migrate, "out_of_order", d.outOfOrder()),
                duration(migrate, d.lockTimeout()),
                schemaClass == null ? null : schemaClass.strip(),
                classpath(top),
                bool(migrate, "baseline_on_migrate", d.baselineOnMigrate()));
    }

    /** {@code classpath = ["target/classes", "lib/x.jar"]} (or one text), each entry relative to the file. */
    private List<Path> classpath(Map<String, Object> top) {
        Object value = top.get("classpath");
        if (value == null) return List.of();
        List<?> entries = value instanceof String s ? List.of(s) : value instanceof List<?> l ? l : null;
        if (entries == null) throw wrongType("classpath", null, "a list of directories and jars in double quotes", value);
        List<Path> out = new ArrayList<>();
        for (Object e : entries) {
            if (!(e instanceof String s) || s.isBlank()) {
                throw wrongType("classpath", null, "a list of directories and jars in double quotes (e.g. [\"target/classes\"])", e);
            }
            out.add(file.getParent().resolve(s).normalize());
        }
        return out;
    }

    /** Parses the text, turning a syntax error into a message with the line it was found on. */
    private UnmodifiableConfig toml(String text) {
        LineCountingReader reader = new LineCountingReader(new StringReader(text));
        try {
            return new TomlParser().parse(reader);
        } catch (ParsingException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, file + ":" + reader.line
                    + ": this is not valid TOML: " + parserMessage(e) + ". Fix that line: values are written key = value,"
                    + " text in double quotes (schema = \"schema.sql\"), true/false without quotes; compare with the"
                    + " file `liteshift init` writes.", e);
        }
    }

    /** The parser's own words on one line, without its final full stop (ours follows). */
    private static String parserMessage(ParsingException e) {
        String m = String.valueOf(e.getMessage()).replace("\r", "\\r").replace("\n", "\\n").strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private Path path(Map<String, Object> table, String key, Path fallback) {
        String value = string(table, key, null);
        if (value == null) return fallback;
        if (value.isBlank()) {
            throw invalid(key, null, "must not be empty; remove the line to use the default (" + file.getParent().relativize(fallback) + ")");
        }
        return file.getParent().resolve(value).normalize();
    }

    private String string(Map<String, Object> table, String key, String fallback) {
        Object value = table.get(key);
        if (value == null) return fallback;
        if (!(value instanceof String s)) throw wrongType(key, null, "text in double quotes", value);
        return s;
    }

    private boolean bool(Map<String, Object> table, String key, boolean fallback) {
        Object value = table.get(key);
        if (value == null) return fallback;
        if (!(value instanceof Boolean b)) throw wrongType(key, "migrate", "true or false (without quotes)", value);
        return b;
    }

    private Duration duration(Map<String, Object> table, Duration fallback) {
        Object value = table.get("lock_timeout");
        if (value == null) return fallback;
        String expected = "a duration such as \"90s\", \"2m\", \"1h\", or a whole number of seconds";
        if (value instanceof Integer || value instanceof Long) {
            long seconds = ((Number) value).longValue();
            if (seconds < 0) throw invalid("lock_timeout", "migrate", "must not be negative, not " + seconds);
            return Duration.ofSeconds(seconds);
        }
        if (!(value instanceof String s)) throw wrongType("lock_timeout", "migrate", expected, value);
        Duration d = parseDuration(s);
        if (d == null) throw invalid("lock_timeout", "migrate", "must be " + expected + ", not \"" + s + "\"");
        return d;
    }

    /** "90s", "2m", "1h" or a whole number of seconds; null when the text is none of these. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) return null;
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private LiteShiftException unknown(String key, String table) {
        String where = table == null ? "" : " under [" + table + "]";
        String hint = "";
        if (table == null && MIGRATE_KEYS.contains(key)) hint = " It belongs under [migrate].";
        else if (table != null && TOP_KEYS.contains(key)) hint = " It belongs at the top of the file, before [migrate].";
        else {
            String near = nearest(key);
            if (near != null) hint = " Did you mean \"" + near + "\"?";
        }
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, at(key, table) + "unknown key \"" + key + "\"" + where + "."
                + hint + " The known keys are " + String.join(", ", TOP_KEYS.subList(0, TOP_KEYS.size() - 1))
                + " and, under [migrate], " + String.join(", ", MIGRATE_KEYS) + ".");
    }

    private LiteShiftException wrongType(String key, String table, String expected, Object value) {
        return invalid(key, table, "must be " + expected + ", not " + describe(value));
    }

    private LiteShiftException invalid(String key, String table, String problem) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, at(key, table) + key + " " + problem + ".");
    }

    private static String describe(Object value) {
        if (value instanceof String s) return "\"" + s + "\" (text)";
        if (value instanceof Boolean || value instanceof Number) return value + " (a " + (value instanceof Boolean ? "boolean" : "number") + ")";
        if (value instanceof UnmodifiableConfig) return "a table";
        if (value instanceof List) return "a list";
        return value + " (a " + value.getClass().getSimpleName().toLowerCase() + ")";
    }

    /** "file:line: " for the line that sets {@code key}, or "file: " when the line cannot be found. */
    private String at(String key, String table) {
        String name = "\"?" + Pattern.quote(key) + "\"?\\s*=.*";
        Pattern bare = Pattern.compile(name);
        Pattern dotted = Pattern.compile(table == null ? name : Pattern.quote(table) + "\\s*\\.\\s*" + name);
        String current = null; // the [table] the line is in
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("[")) current = line.replaceAll("#.*", "").replaceAll("[\\[\\]\\s]", "");
            else if ((Objects.equals(current, table) && bare.matcher(line).matches()) || (current == null && dotted.matcher(line).matches())) {
                return file + ":" + (i + 1) + ": ";
            }
        }
        return file + ": ";
    }

    /** The known key spelled closest to {@code key}, if it is a likely typo (at most two edits away). */
    private static String nearest(String key) {
        String best = null;
        int bestDistance = 3;
        for (String known : Stream.concat(TOP_KEYS.stream(), MIGRATE_KEYS.stream()).toList()) {
            int d = distance(key.toLowerCase(), known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    /**
     * The parser reads one character at a time and names no line; this counts them. When the last character
     * read ends a line, the error is on that line, not the next.
     */
    private static final class LineCountingReader extends FilterReader {
        int line = 1;
        private boolean pendingNewline;

        LineCountingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count((char) c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) count(buf[off + i]);
            return n;
        }

        private void count(char c) {
            if (pendingNewline) line++;
            pendingNewline = c == '\n';
        }
    }
}
