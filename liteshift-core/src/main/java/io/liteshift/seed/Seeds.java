package io.liteshift.seed;

import io.liteshift.Interrupted;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.SqlScript;
import io.liteshift.migrate.Transactions;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sql.Utf8Files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Seed data, run after migrating: the {@code .sql} files of a directory and {@link Seeder}s, each once per
 * database, recorded in {@code liteshift_seeds}. One-time seeds run first, in file-name order, then repeatable
 * ones ({@code R__name.sql}, run again whenever their text changes), in file-name order, then the Java seeders in
 * the order given. Each runs in one transaction with its record, with the semantics of a migration (see
 * {@link SqlScript}); the first failure rolls that seed back and stops, and the seeds before it stay applied.
 */
public final class Seeds {
    /** The prefix that makes a seed file repeatable, as in Flyway: visible in a directory listing, unlike a directive. */
    public static final String REPEATABLE_PREFIX = "R__";

    private Seeds() {
    }

    /** A seed file read from the directory. */
    private record SeedFile(String name, String sql, String checksum, boolean repeatable) {
    }

    /**
     * @param c       a connection in auto-commit mode (seeds open their own transactions)
     * @param dir     the seeds directory; null or missing means no SQL seeds
     * @param seeders Java seeders, run after the SQL files
     */
    public static SeedResult run(Connection c, Path dir, List<Seeder> seeders) throws SQLException {
        List<SeedFile> files = read(dir);
        String where = dir == null ? "seeds" : dir.toString();
        refuseDuplicateNames(files, seeders);
        Map<String, SeedLog.Entry> done = SeedLog.read(c); // without the lock: a boot with nothing to seed never blocks writers
        List<AppliedSeed> applied = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int upToDate = 0;
        List<String> order = new ArrayList<>();
        files.forEach(f -> order.add(f.name()));
        seeders.forEach(s -> order.add(s.name()));
        for (SeedFile f : files) {
            SeedLog.Entry e = done.get(f.name());
            if (e != null && (e.checksum().equals(f.checksum()) || !f.repeatable())) {
                if (!e.checksum().equals(f.checksum())) warnings.add(changedWarning(where, f, e));
                upToDate++;
                continue;
            }
            String kind = f.repeatable() ? "repeatable" : "once";
            Duration[] took = {null}; // as recorded in liteshift_seeds: one clock for the record and the result
            boolean ran;
            try {
                ran = SqlScript.run(c, where, f.name(), f.sql(), new SqlScript.Bookkeeping() {
                    @Override
                    public boolean proceed(Connection conn) throws SQLException {
                        SeedLog.Entry now = SeedLog.lookUp(conn, f.name());
                        return now == null || f.repeatable() && !now.checksum().equals(f.checksum());
                    }

                    @Override
                    public void record(Connection conn, Duration d) throws SQLException {
                        took[0] = d;
                        SeedLog.record(conn, f.name(), f.checksum(), d, kind);
                    }
                });
            } catch (Interrupted x) {
                throw new Interrupted("seed " + f.name(), "it was rolled back entirely and is not recorded."
                        + ranAndLeft(f.name(), applied, order), x);
            } catch (LiteShiftException x) {
                throw failed(x.reason(), x.text(), x, f.name(), applied, order);
            }
            if (ran) applied.add(new AppliedSeed(f.name(), kind, took[0]));
            else upToDate++; // another process ran it meanwhile
        }
        for (Seeder s : seeders) {
            if (done.containsKey(s.name())) {
                upToDate++;
                continue;
            }
            Optional<Duration> took = runSeeder(c, s, applied, order);
            if (took.isPresent()) applied.add(new AppliedSeed(s.name(), "java", took.get()));
            else upToDate++;
        }
        return new SeedResult(applied, upToDate, warnings);
    }

    /** The seed files of {@code dir}: one-time ones in name order, then repeatable ones in name order. */
    private static List<SeedFile> read(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            List<SeedFile> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p)).toList()) {
                String name = p.getFileName().toString();
                String sql = Utf8Files.read(p, dir.resolve(name).toString());
                out.add(new SeedFile(name, sql, SqlScript.checksum(sql), name.startsWith(REPEATABLE_PREFIX)));
            }
            out.sort(Comparator.comparing(SeedFile::repeatable).thenComparing(SeedFile::name));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seeds directory " + dir, e);
        }
    }

    private static void refuseDuplicateNames(List<SeedFile> files, List<Seeder> seeders) {
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(f.name()));
        for (Seeder s : seeders) {
            if (s.name() == null || s.name().isBlank() || !names.add(s.name())) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the seeder " + s.getClass().getName()
                        + " has " + (s.name() == null || s.name().isBlank() ? "no name" : "the name '" + s.name() + "', which another seed has")
                        + "; every seed needs its own name, since liteshift_seeds records seeds by name. Nothing was seeded.");
            }
        }
    }

    /**
     * One Java seeder with its record, in one IMMEDIATE transaction: how long it took, as recorded; empty when
     * another process ran it meanwhile.
     */
    private static Optional<Duration> runSeeder(Connection c, Seeder s, List<AppliedSeed> applied, List<String> order) throws SQLException {
        long t0 = System.nanoTime();
        Duration[] took = {null};
        Transactions.write(c, () -> {
            // another process ran it meanwhile: its record was there, so this transaction wrote nothing
            if (SeedLog.lookUp(c, s.name()) != null) return;
            try {
                s.seed(c);
            } catch (SQLException e) {
                throw failed(LiteShiftException.Reason.FAILED, "the seeder " + s.name() + " (" + s.getClass().getName()
                        + ") failed: " + SqliteErrors.message(e), e, s.name(), applied, order);
            }
            took[0] = Duration.ofNanos(System.nanoTime() - t0);
            SeedLog.record(c, s.name(), "java", took[0], "java");
        });
        return Optional.ofNullable(took[0]);
    }

    private static LiteShiftException failed(LiteShiftException.Reason reason, String message, Exception cause, String seed,
                                             List<AppliedSeed> applied, List<String> order) {
        return new LiteShiftException(reason, message + "\nSeed " + seed + " was rolled back entirely and is not recorded."
                + ranAndLeft(seed, applied, order) + " Fix it and seed again.", cause);
    }

    /** " This run applied a, b before it; those stay applied. Not attempted: c, d." */
    private static String ranAndLeft(String seed, List<AppliedSeed> applied, List<String> order) {
        String before = applied.isEmpty() ? "" : " This run applied " + applied.stream().map(AppliedSeed::name)
                .collect(Collectors.joining(", ")) + " before it; those stay applied.";
        List<String> rest = order.subList(order.indexOf(seed) + 1, order.size());
        return before + (rest.isEmpty() ? "" : " Not attempted: " + String.join(", ", rest) + ".");
    }

    private static String changedWarning(String where, SeedFile f, SeedLog.Entry e) {
        return where + "/" + f.name() + " changed since it ran (" + e.appliedAt() + "); a one-time seed does not run again."
                + " Put the new rows in a new seed file, or rename it " + REPEATABLE_PREFIX + f.name()
                + " if it is safe to run again (e.g. INSERT OR REPLACE).";
    }
}
