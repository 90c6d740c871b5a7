package io.liteshift.plan;

import io.liteshift.Golden;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The SQL that liteshift generates, pinned in files: for each {@code golden/<name>.before.sql} (a schema, maybe with
 * rows) and {@code <name>.after.sql} (the declared schema, maybe with rename hints), {@code <name>.plan.sql} holds
 * the expected plan script. {@code mvn test -Dliteshift.updateGolden=true} rewrites those files instead; review the
 * diff before committing. Each plan is also run, as printed, on the before database to check that it works.
 */
class GoldenPlanTest {

    /** The source directory, not the copy on the classpath, so that updates land in version control. */
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    /**
     * Cases whose plan is known not to run yet, with the engine bug that stops it; their run is skipped (and
     * reported as skipped) until the bug is fixed. Remove the entry with the fix.
     */
    private static final Map<String, String> KNOWN_ENGINE_BUGS = Map.of();

    @TestFactory
    Stream<DynamicNode> golden_plans() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".before.sql"))
                    .map(n -> n.substring(0, n.length() - ".before.sql".length())).sorted().toList();
        }
        assertThat(names).as("golden cases in %s", GOLDEN.toAbsolutePath()).isNotEmpty();
        return names.stream().map(GoldenCase::new).map(c -> DynamicContainer.dynamicContainer(c.name, Stream.of(
                dynamicTest("plan matches " + c.name + ".plan.sql", c::checkPlanText),
                dynamicTest("plan runs and reaches the declared schema", c::checkPlanRuns))));
    }

    private static final class GoldenCase {
        final String name;

        GoldenCase(String name) {
            this.name = name;
        }

        private Path file(String suffix) {
            return GOLDEN.resolve(name + suffix);
        }

        private DeclaredSchema declared() {
            return DeclaredSchema.load(file(".after.sql"));
        }

        private Plan plan(MemoryDb before, DeclaredSchema declared) throws SQLException {
            Schema current = Inspector.inspect(before.connection());
            return Planner.plan(current, declared.schema(), Differ.diff(current, declared.schema(), declared.hints()));
        }

        private MemoryDb before() throws IOException, SQLException {
            return MemoryDb.with(Files.readString(file(".before.sql"), StandardCharsets.UTF_8));
        }

        void checkPlanText() throws IOException, SQLException {
            String sql;
            try (MemoryDb db = before()) {
                sql = plan(db, declared()).toSql();
            }
            Golden.check(file(".plan.sql"), sql);
        }

        void checkPlanRuns() throws IOException, SQLException {
            Assumptions.assumeFalse(KNOWN_ENGINE_BUGS.containsKey(name), () -> "engine bug: " + KNOWN_ENGINE_BUGS.get(name));
            DeclaredSchema declared = declared();
            try (MemoryDb db = before()) {
                Schema current = Inspector.inspect(db.connection());
                RowSnapshot rows = RowSnapshot.take(db, current, declared);
                PlanScript.run(db, plan(db, declared).toSql());
                Schema after = Inspector.inspect(db.connection());
                assertThat(Differ.diff(after, declared.schema())).as("left to do after the plan ran").isEmpty();
                assertThat(db.column("PRAGMA integrity_check")).containsExactly("ok");
                assertThat(db.rows("PRAGMA foreign_key_check")).isEmpty();
                rows.assertKept(db);
            }
        }
    }
}
