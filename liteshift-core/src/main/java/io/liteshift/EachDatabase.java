package io.liteshift;

import io.liteshift.backup.Backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The same work on many databases (one per tenant, one per machine's volume): the files a glob matches, and a run
 * over them with bounded parallelism in which one failing database does not stop the others.
 *
 * <pre>{@code
 * List<EachDatabase.Outcome<MigrateResult>> done = EachDatabase.run(EachDatabase.matching("/data/tenants/*.db", Path.of("")), 4,
 *         db -> LiteShift.configure().database(db.file().toString()).migrations("classpath:db/migrations").load().migrate(),
 *         o -> log.info("{}: {}", o.database().name(), o.ok() ? "ok" : o.error().getMessage()));
 * }</pre>
 */
public final class EachDatabase {
    /** SQLite's side files and LiteFS's position and primary files; liteshift's backups are told by {@link Backups}. */
    private static final Pattern NOT_A_DATABASE = Pattern.compile(".*(-wal|-shm|-journal|-pos)|\\.primary");
    private static final String GLOB_CHARS = "*?[{";

    private EachDatabase() {
    }

    /**
     * A database the glob matched.
     *
     * @param file     its absolute path
     * @param relative its path below the glob's fixed leading directories ({@code acme/app.db} for
     *                 {@code /data/tenants/{@literal *}/app.db}), for keeping per-database things apart
     * @param name     how to show it: as the glob was written, relative or absolute
     */
    public record Match(Path file, Path relative, String name) {
    }

    /**
     * The regular files {@code glob} matches, sorted by path, without SQLite's {@code -wal}/{@code -shm}/{@code -journal}
     * files, LiteFS's {@code -pos} and {@code .primary} files, and liteshift's backups and their manifests. The syntax
     * is Java's {@code glob:} ({@code *} and {@code ?} within a name, {@code **} across directories, {@code [abc]},
     * {@code {a,b}}); a relative glob is relative to {@code workingDir}. Empty when nothing matches.
     */
    public static List<Match> matching(String glob, Path workingDir) {
        String pattern = glob.strip().replace('\\', '/');
        if (pattern.isEmpty()) throw invalid("an empty glob matches no database");
        boolean absolute = pattern.startsWith("/");
        List<String> segments = new ArrayList<>(List.of(pattern.split("/+")));
        if (absolute) segments.remove(0);
        StringBuilder fixed = new StringBuilder(absolute ? "/" : "");
        int firstGlob = 0;
        while (firstGlob < segments.size() - 1 && !hasGlob(segments.get(firstGlob))) {
            fixed.append(segments.get(firstGlob)).append('/');
            firstGlob++;
        }
        List<String> rest = segments.subList(firstGlob, segments.size());
        Path base = workingDir.resolve(fixed.toString()).toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) return List.of();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + String.join("/", rest));
        int depth = rest.stream().anyMatch(s -> s.contains("**")) ? Integer.MAX_VALUE : rest.size();
        try (Stream<Path> files = Files.walk(base, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(base.relativize(p)))
                    .filter(p -> isDatabaseCandidate(p))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> new Match(p, base.relativize(p), fixed + base.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw invalid("cannot list the files matching " + glob + " under " + base + ": " + e.getMessage());
        }
    }

    private static boolean hasGlob(String segment) {
        return segment.chars().anyMatch(c -> GLOB_CHARS.indexOf(c) >= 0);
    }

    /** A file a glob may match that is no database of its own: side files, LiteFS's files, liteshift's backups. */
    static boolean isDatabaseCandidate(Path p) {
        String n = p.getFileName().toString();
        return !NOT_A_DATABASE.matcher(n).matches() && !Backups.isBackupOrLeftover(p);
    }

    /**
     * What happened to one database: its result, or the error that stopped it.
     *
     * @param error the failure (a {@link LiteShiftException} says why, for exit codes); null when it went well
     */
    public record Outcome<T>(Match database, T result, RuntimeException error, Duration took) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Runs {@code work} on every database, at most {@code parallelism} at once; a failing database does not stop the
     * others. {@code done} hears of each outcome as it finishes (one at a time, in completion order).
     *
     * @return the outcomes in the order of {@code databases}
     */
    public static <T> List<Outcome<T>> run(List<Match> databases, int parallelism, Function<Match, T> work, Consumer<Outcome<T>> done) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        if (databases.isEmpty()) return List.of();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, databases.size()), r -> {
            Thread t = new Thread(r, "liteshift-each-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (Match db : databases) {
                futures.add(pool.submit(() -> {
                    Outcome<T> o = one(db, work);
                    synchronized (done) {
                        done.accept(o);
                    }
                    return o;
                }));
            }
            List<Outcome<T>> out = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the others stop at their next check: let them roll back and remove their partial files before this returns
            pool.shutdownNow();
            awaitStopped(pool);
            throw new Interrupted("work on " + databases.size() + " databases", "those that finished are done; each of the others"
                    + " stopped at its next check and was rolled back to where it was (a migration boundary) or left unchanged.", e);
        } catch (ExecutionException e) {
            // one() catches every RuntimeException, so only an Error (out of memory) gets here
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits (up to a minute, on an interrupted thread too) until the pool's work has unwound. */
    private static void awaitStopped(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException again) {
            // a second interrupt: stop waiting
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static <T> Outcome<T> one(Match db, Function<Match, T> work) {
        long t0 = System.nanoTime();
        try {
            T result = work.apply(db);
            return new Outcome<>(db, result, null, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            return new Outcome<>(db, null, e, Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private static LiteShiftException invalid(String message) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, message);
    }
}
