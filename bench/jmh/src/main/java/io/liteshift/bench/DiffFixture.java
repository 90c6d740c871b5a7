package io.liteshift.bench;

import io.liteshift.LiteShift;
import io.liteshift.SchemaSource;
import io.liteshift.diff.Differ;
import io.liteshift.plan.Plan;
import io.liteshift.plan.Planner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The two wide schemas, both as SQLite files and as declared .sql files, in a temporary directory, and the ways
 * of diffing them that the benchmarks time. Every way ends with a {@link Plan}, so planning is always included.
 */
final class DiffFixture implements AutoCloseable {
    final Path dir;
    final Path sourceDb;
    final Path targetDb;
    final Path sourceSql;
    final Path targetSql;
    private final SchemaSource.Loaded sourceLoaded;
    private final SchemaSource.Loaded targetLoaded;

    DiffFixture(int tables) throws IOException, SQLException {
        dir = Files.createTempDirectory("liteshift-bench");
        String source = WideSchemas.source(tables);
        String target = WideSchemas.target(tables);
        sourceDb = WideSchemas.database(dir.resolve("source.db"), source);
        targetDb = WideSchemas.database(dir.resolve("target.db"), target);
        sourceSql = WideSchemas.sqlFile(dir.resolve("source.sql"), source);
        targetSql = WideSchemas.sqlFile(dir.resolve("target.sql"), target);
        sourceLoaded = new SchemaSource.Database(sourceDb).load();
        targetLoaded = new SchemaSource.Declared(targetSql).load();
    }

    /** Inspects two SQLite files, diffs and plans. */
    Plan databaseToDatabase() {
        return LiteShift.diff(new SchemaSource.Database(sourceDb), new SchemaSource.Database(targetDb));
    }

    /** Inspects a SQLite file, loads a declared .sql file (run into an in-memory database and inspected), diffs and plans: what push does before it touches rows. */
    Plan databaseToDeclared() {
        return LiteShift.diff(new SchemaSource.Database(sourceDb), new SchemaSource.Declared(targetSql));
    }

    /** Loads two declared .sql files, diffs and plans. */
    Plan declaredToDeclared() {
        return LiteShift.diff(new SchemaSource.Declared(sourceSql), new SchemaSource.Declared(targetSql));
    }

    /** Only the Differ and the Planner, on schemas loaded beforehand. */
    Plan diffAndPlanOnly() {
        return Planner.plan(sourceLoaded.schema(), targetLoaded.schema(),
                Differ.diff(sourceLoaded.schema(), targetLoaded.schema(), targetLoaded.hints()));
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
