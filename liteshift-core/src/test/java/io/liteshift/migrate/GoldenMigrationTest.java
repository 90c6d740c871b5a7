package io.liteshift.migrate;

import io.liteshift.Golden;
import io.liteshift.LiteShift;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files {@code generate}, {@code new} + {@code hash} and {@code revert} write, pinned: each directory under
 * {@code golden-migrations/} holds the steps ({@code schema-N.sql}: generate from it; {@code by-hand-N.sql}: a
 * hand-written migration N; {@code revert-to.txt}: finally revert to that version) and, under {@code expected/},
 * every file the migrations directory ends up with (migrations, {@code meta/} snapshots, {@code liteshift.sum}).
 * Generation is deterministic, so the comparison is byte for byte. {@code mvn test -Dliteshift.updateGolden=true}
 * rewrites {@code expected/} instead; review the diff before committing. Each result is also migrated and verified.
 */
class GoldenMigrationTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-migrations");
    private static final boolean UPDATE = Golden.UPDATE;
    /** Every case works in a directory of its own under this one, which JUnit removes afterwards. */
    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> golden_migration_directories() throws IOException {
        try (Stream<Path> cases = Files.list(GOLDEN)) {
            List<Path> dirs = cases.filter(Files::isDirectory).sorted().toList();
            assertThat(dirs).isNotEmpty();
            return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
        }
    }

    private static void check(Path golden) throws IOException {
        Path work = Files.createTempDirectory(tmp, "golden");
        Path migrations = work.resolve("migrations");
        List<Path> steps;
        try (Stream<Path> files = Files.list(golden)) {
            steps = files.filter(f -> f.getFileName().toString().matches("(schema|by-hand)-\\d+\\.sql"))
                    .sorted((a, b) -> Integer.compare(step(a), step(b))).toList();
        }
        for (Path step : steps) {
            LiteShift ls = LiteShift.configure().migrations(migrations).schema(step).load();
            if (step.getFileName().toString().startsWith("schema-")) {
                assertThat(ls.generate(null).written()).as("generate from " + step).isTrue();
            } else {
                Path file = ls.newMigration("by hand");
                Files.writeString(file, Files.readString(file) + Files.readString(step));
                ls.hash();
            }
        }
        Path revert = golden.resolve("revert-to.txt");
        if (Files.exists(revert)) {
            int to = Integer.parseInt(Files.readString(revert).strip());
            assertThat(LiteShift.configure().migrations(migrations).load().revert(to, null).written()).isTrue();
        }
        compare(golden.resolve("expected"), migrations);
        LiteShift db = LiteShift.configure().database(work.resolve("app.db").toString()).createMissing(true).migrations(migrations).load();
        db.migrate();
        assertThat(db.verify()).as("the golden migrations apply and verify").isEmpty();
    }

    private static void compare(Path expected, Path actual) throws IOException {
        List<Path> produced;
        try (Stream<Path> files = Files.walk(actual)) {
            produced = files.filter(Files::isRegularFile).map(actual::relativize).sorted().toList();
        }
        if (UPDATE) {
            if (Files.exists(expected)) {
                try (Stream<Path> old = Files.walk(expected)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            for (Path rel : produced) {
                Files.createDirectories(expected.resolve(rel.toString()).getParent());
                Files.copy(actual.resolve(rel), expected.resolve(rel.toString()));
            }
            return;
        }
        List<Path> wanted;
        try (Stream<Path> files = Files.walk(expected)) {
            wanted = files.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
        }
        assertThat(produced.stream().map(Path::toString)).as("files written").containsExactlyElementsOf(wanted.stream().map(Path::toString).toList());
        for (Path rel : produced) {
            assertThat(Files.readString(actual.resolve(rel))).as(rel + " (regenerate with -Dliteshift.updateGolden=true)")
                    .isEqualTo(Files.readString(expected.resolve(rel.toString())));
        }
    }

    private static int step(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(n.lastIndexOf('-') + 1, n.length() - 4));
    }
}
