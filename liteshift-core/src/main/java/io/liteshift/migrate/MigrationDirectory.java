package io.liteshift.migrate;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.sql.Utf8Files;
import io.liteshift.sqlite.SchemaVersion;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A migrations directory: {@code NNNN_slug.sql} files, the integrity file {@code liteshift.sum}, and under
 * {@code meta/} the schema snapshot after each migration. On the file system, or inside a jar on the classpath
 * (read only there).
 */
public final class MigrationDirectory {
    static final String META = "meta";

    private final Path root;
    private final String label;
    private final boolean writable;
    private List<Migration> migrations;
    private List<Problem> layoutProblems;

    private MigrationDirectory(Path root, String label, boolean writable) {
        this.root = root;
        this.label = label;
        this.writable = writable;
    }

    /** A directory on disk; it need not exist yet for commands that create it. */
    public static MigrationDirectory of(Path dir) {
        return new MigrationDirectory(dir, dir.toString(), true);
    }

    /** {@code classpath:db/migrations} (in a jar or a classes directory) or a file system path. */
    public static MigrationDirectory at(String location, ClassLoader loader) {
        if (!location.startsWith("classpath:")) return of(Path.of(location.startsWith("filesystem:") ? location.substring(11) : location));
        String name = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
        URL url = loader.getResource(name);
        URL sum = url != null ? null : loader.getResource(name + "/" + IntegrityFile.FILE_NAME);
        if (sum != null) url = parentOf(sum); // a jar built without directory entries still has the files
        if (url == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "no migrations on the classpath at " + name + " (" + location + "). Check that the directory is packaged"
                            + " (e.g. src/main/resources/" + name + ") and that the location is spelled as it is there.");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) return new MigrationDirectory(inJar(uri), location, false);
            return new MigrationDirectory(Path.of(uri), location, false);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "cannot read the migrations at " + url + " (" + location + "): " + e.getMessage()
                            + ". Unpack them to a directory and pass its path instead.", e);
        }
    }

    private static URL parentOf(URL file) {
        try {
            String s = file.toString();
            return new URL(s.substring(0, s.lastIndexOf('/')));
        } catch (MalformedURLException e) {
            return null;
        }
    }

    private static Path inJar(URI uri) throws IOException {
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
        }
        return fs.provider().getPath(uri);
    }

    public Path root() {
        return root;
    }

    /** How messages name the directory. */
    public String label() {
        return label;
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    /**
     * Whether {@code dir} is a migrations directory rather than a directory of declared schema files: it holds the
     * integrity file, which every command that writes a migration keeps.
     */
    public static boolean holdsMigrations(Path dir) {
        return Files.isRegularFile(dir.resolve(IntegrityFile.FILE_NAME));
    }

    /** Every well-named migration, by version (files sharing a version: by name; see {@link #layoutProblems}). */
    public List<Migration> migrations() {
        if (migrations == null) scan();
        return migrations;
    }

    /** Misnamed {@code .sql} files and versions used twice. */
    public List<Problem> layoutProblems() {
        if (layoutProblems == null) scan();
        return layoutProblems;
    }

    /** The integrity file's problems together with the layout's: everything wrong with the directory itself. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>(layoutProblems());
        out.addAll(IntegrityFile.check(migrations(), integrityText(), label));
        return out;
    }

    private void scan() {
        List<Migration> found = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    String name = p.getFileName().toString();
                    if (!name.endsWith(".sql")) continue;
                    Optional<Migration> m = Migration.of(name, read(p).orElse(""));
                    if (m.isPresent()) found.add(m.get());
                    else problems.add(new Problem(Problem.Kind.BAD_NAME, label + "/" + name + " is not named like a migration"
                            + " (NNNN_slug.sql, e.g. 0007_add_orders.sql), so it would never run. Rename it, or move it out of the"
                            + " migrations directory."));
                }
            } catch (IOException e) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot list " + label + ": " + e.getMessage(), e);
            }
        }
        found.sort(Comparator.comparingInt(Migration::version).thenComparing(Migration::fileName));
        TreeMap<Integer, List<String>> byVersion = new TreeMap<>();
        for (Migration m : found) byVersion.computeIfAbsent(m.version(), v -> new ArrayList<>()).add(m.fileName());
        byVersion.forEach((v, names) -> {
            if (names.size() > 1) {
                problems.add(new Problem(Problem.Kind.DUPLICATE_VERSION, label + ": " + String.join(" and ", names)
                        + " share version " + SchemaVersion.label(v) + " (two branches both added it). Renumber the one that is not"
                        + " applied anywhere yet to follow the newest migration, then run `" + Fix.command(Fix.Command.HASH) + "`."));
            }
        });
        migrations = List.copyOf(found);
        layoutProblems = List.copyOf(problems);
    }

    Path snapshotPath(int version) {
        return root.resolve(META).resolve(snapshotFileName(version));
    }

    /** {@code meta/NNNN.schema.sql}: the snapshot of {@code version}, relative to the directory. */
    static String snapshotFile(int version) {
        return META + "/" + snapshotFileName(version);
    }

    /** How messages name the snapshot of {@code version}: {@code <label>/meta/NNNN.schema.sql}. */
    String snapshotName(int version) {
        return label + "/" + snapshotFile(version);
    }

    /** How messages name the snapshots' directory: {@code <label>/meta}. */
    String snapshotsName() {
        return label + "/" + META;
    }

    private static String snapshotFileName(int version) {
        return SchemaVersion.label(version) + ".schema.sql";
    }

    Optional<String> snapshot(int version) {
        return read(snapshotPath(version));
    }

    /** The integrity file's text; null when there is none. */
    String integrityText() {
        return read(root.resolve(IntegrityFile.FILE_NAME)).orElse(null);
    }

    /** The next free version and a file name for it. */
    String nextFileName(String slug) {
        int next = migrations().stream().mapToInt(Migration::version).max().orElse(0) + 1;
        return SchemaVersion.label(next) + "_" + slug + ".sql";
    }

    /** Writes a new migration file (never over an existing one). */
    Path writeMigration(String fileName, String text) {
        Path target = root.resolve(fileName);
        if (Files.exists(target)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, target + " exists already; nothing was written.");
        }
        write(target, text);
        migrations = null;
        layoutProblems = null;
        return target;
    }

    void writeSnapshot(int version, String text) {
        write(snapshotPath(version), text);
    }

    Path writeIntegrityFile() {
        Path target = root.resolve(IntegrityFile.FILE_NAME);
        write(target, IntegrityFile.render(migrations()));
        return target;
    }

    /** Written beside the target, then moved over it: a crash never leaves half a file. */
    private void write(Path target, String text) {
        if (!writable) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the migrations at " + label + " are read only here; run this command on the project's migrations directory.");
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The text of a file of the directory; messages name it as {@code <label>/<path inside the directory>}. */
    private Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        return Optional.of(Utf8Files.read(file, label + "/" + root.relativize(file).toString().replace('\\', '/')));
    }
}
