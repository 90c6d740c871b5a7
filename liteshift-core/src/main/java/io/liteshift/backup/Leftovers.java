package io.liteshift.backup;

import io.liteshift.Owner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of backups, named {@code .<db>-<time>.<pid>@<host>.tmp} so that the process writing one can be
 * told ({@link Owner}), with the {@code -journal} (and {@code -wal}, {@code -shm}) SQLite writes beside it while the
 * backup API fills it, and its manifest before it is renamed. Finding them, and removing those a stopped process left.
 */
final class Leftovers {
    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
    static final String TMP = ".tmp";
    private static final List<String> SIDE = List.of("-journal", "-wal", "-shm", Manifest.SUFFIX);
    private static final Pattern NAME = Pattern.compile("\\.(.+)-(\\d{8}-\\d{9})(?:\\.(" + Owner.tagPattern() + "))?"
            + Pattern.quote(TMP) + "(-journal|-wal|-shm|" + Pattern.quote(Manifest.SUFFIX) + ")?");

    private Leftovers() {
    }

    /** The temporary name of a backup of {@code base} started at {@code taken} by this process. */
    static Path tmpName(Path dir, String base, Instant taken) {
        return dir.resolve("." + base + "-" + Backups.STAMP.format(taken) + "." + Owner.current().tag() + TMP);
    }

    /** Every file of a temporary copy: the copy, SQLite's side files of it, its manifest. */
    static List<Path> filesOf(Path tmp) {
        List<Path> out = new ArrayList<>(List.of(tmp));
        for (String s : SIDE) out.add(tmp.resolveSibling(tmp.getFileName() + s));
        return out;
    }

    /** Removes what there is of {@code tmp}; true when nothing of it is left. */
    static boolean delete(Path tmp) {
        boolean all = true;
        for (Path p : filesOf(tmp)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                all = false;
            }
        }
        return all;
    }

    /** The partial backups in {@code dir} of {@code base} (all when null), oldest first. */
    static List<BackupLeftover> find(Path dir, String base) {
        Map<String, List<Path>> byCopy = new LinkedHashMap<>();
        Map<String, Matcher> names = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return List.of();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + TMP + "*")) {
            for (Path p : ds) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || base != null && !m.group(1).equals(base)) continue;
                String copy = m.group(4) == null ? p.getFileName().toString()
                        : p.getFileName().toString().substring(0, p.getFileName().toString().length() - m.group(4).length());
                byCopy.computeIfAbsent(copy, k -> new ArrayList<>()).add(p);
                names.putIfAbsent(copy, m);
            }
        } catch (IOException e) {
            return List.of(); // an unreadable directory: the backup itself will say what is wrong with it
        }
        List<BackupLeftover> out = new ArrayList<>();
        byCopy.forEach((copy, files) -> {
            Matcher m = names.get(copy);
            Instant started = Instant.from(Backups.STAMP.parse(m.group(2)));
            Optional<Owner> owner = m.group(3) == null ? Optional.empty() : Owner.parse(m.group(3));
            long size = 0;
            FileTime modified = FileTime.from(started);
            for (Path p : files) {
                try {
                    size += Files.size(p);
                    FileTime t = Files.getLastModifiedTime(p);
                    if (t.compareTo(modified) > 0) modified = t;
                } catch (IOException e) {
                    // removed meanwhile
                }
            }
            out.add(new BackupLeftover(dir.resolve(copy), files, m.group(1), started, size, owner, Owner.leftOver(owner, started, modified)));
        });
        out.sort(Comparator.comparing(BackupLeftover::started));
        return out;
    }

    /** Removes the partial backups of {@code base} in {@code dir} that stopped processes left; returns them. */
    static List<BackupLeftover> removeStale(Path dir, String base) {
        List<BackupLeftover> removed = new ArrayList<>();
        for (BackupLeftover l : find(dir, base)) {
            if (!l.leftOver()) continue;
            if (delete(l.file())) {
                removed.add(l);
                LOG.info("removed a partial backup that a stopped backup left: {}", l.describe());
            }
        }
        return removed;
    }
}
