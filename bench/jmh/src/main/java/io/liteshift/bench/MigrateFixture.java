package io.liteshift.bench;

import io.liteshift.LiteShift;
import io.liteshift.migrate.MigrateResult;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * N generated migrations (the same files as bench/migrate.sh uses), and one database per tool with all of them
 * applied, in a temporary directory. The migrations come from bench/migrate/generate.py, run through
 * {@code bench/migrate/run.py --prepare}, so the Java and the whole-process benchmarks measure the same history.
 */
final class MigrateFixture implements AutoCloseable {
    final int migrations;
    final Path liteshiftDir;
    final Path flywayDir;
    final Path tmp;
    final Path liteshiftDb;
    final Path flywayDb;

    MigrateFixture(int migrations) throws IOException, InterruptedException, SQLException {
        this.migrations = migrations;
        Path work = prepare(migrations);
        liteshiftDir = work.resolve("liteshift");
        flywayDir = work.resolve("flyway");
        if (!Files.exists(liteshiftDir.resolve("liteshift.sum"))) {
            LiteShift.configure().migrations(liteshiftDir.toString()).load().hash(); // what `liteshift hash` does
        }
        tmp = Files.createTempDirectory("liteshift-migrate-bench");
        liteshiftDb = tmp.resolve("liteshift.db");
        flywayDb = tmp.resolve("flyway.db");
    }

    /** Applies every migration to both (empty) databases and checks that both histories hold all of them. */
    void applyAll() throws SQLException {
        int applied = liteshift(liteshiftDb).applied().size();
        int executed = flyway(flywayDb);
        if (applied != migrations || executed != migrations) {
            throw new IllegalStateException("expected " + migrations + " applied migrations, liteshift applied " + applied
                    + ", Flyway " + executed);
        }
        checkHistories();
    }

    /** Both history tables hold one row per migration. */
    void checkHistories() throws SQLException {
        checkRows(liteshiftDb, "SELECT count(*) FROM liteshift_migrations");
        checkRows(flywayDb, "SELECT count(*) FROM flyway_schema_history WHERE type = 'SQL' AND success");
    }

    /** A whole {@code migrate} through liteshift's Java API, from configuration to result. */
    MigrateResult liteshift(Path db) {
        return LiteShift.configure()
                .database("file:" + db)
                .migrations(liteshiftDir.toString())
                .createMissing(true)
                .load()
                .migrate();
    }

    /** The same through Flyway's Java API (with its defaults, as the command line uses them); returns how many ran. */
    int flyway(Path db) {
        return Flyway.configure()
                .dataSource("jdbc:sqlite:" + db, null, null)
                .locations("filesystem:" + flywayDir)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** A no-op liteshift migrate; fails when it applied anything (then the benchmark would measure something else). */
    MigrateResult liteshiftNoop() {
        MigrateResult r = liteshift(liteshiftDb);
        if (!r.upToDate()) throw new IllegalStateException("the no-op migrate applied " + r.applied());
        return r;
    }

    int flywayNoop() {
        int executed = flyway(flywayDb);
        if (executed != 0) throw new IllegalStateException("the no-op Flyway migrate ran " + executed + " migrations");
        return executed;
    }

    private void checkRows(Path db, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            if (rs.getInt(1) != migrations) {
                throw new IllegalStateException(db.getFileName() + ": " + rs.getInt(1) + " history rows, expected " + migrations);
            }
        }
    }

    /** Runs the generator of bench/migrate.sh (python3) and returns its directory, bench/work/migrate-N. */
    private static Path prepare(int migrations) throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Process p = new ProcessBuilder("python3", root.resolve("bench/migrate/run.py").toString(),
                "--migrations", Integer.toString(migrations), "--tools", "flyway", "--prepare")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("bench/migrate/run.py --prepare failed:\n" + out);
        List<String> lines = out.lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }

    /** The repository: the working directory or one of its parents, the one that holds bench/migrate/run.py. */
    private static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("bench/migrate/run.py"))) return d;
        }
        throw new IllegalStateException("run this from the liteshift repository (bench/migrate/run.py not found above "
                + Path.of("").toAbsolutePath() + ")");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
