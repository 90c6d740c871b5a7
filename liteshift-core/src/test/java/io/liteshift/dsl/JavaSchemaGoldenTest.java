package io.liteshift.dsl;

import io.liteshift.Golden;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every DSL construct ({@link Cases}): the DDL it renders is pinned in {@code golden-dsl/<case>.sql}
 * ({@code -Dliteshift.updateGolden=true} rewrites them), that DDL read as a schema file is exactly the DSL's model,
 * and the schema.sql a person would write for it has the same model and rename hints.
 */
class JavaSchemaGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-dsl");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicNode> every_construct() {
        return Cases.all().entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(), Stream.of(
                dynamicTest("renders " + e.getKey() + ".sql", () -> Golden.check(GOLDEN.resolve(e.getKey() + ".sql"), e.getValue().dsl().toSql())),
                dynamicTest("its DDL as a schema file is the same model", () -> sameAsFile(e.getKey(), e.getValue().dsl())),
                dynamicTest("equals the hand-written schema.sql", () -> sameAsHandWritten(e.getValue())))));
    }

    private void sameAsFile(String name, JavaSchema dsl) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".sql"), dsl.toSql());
        DeclaredSchema fromFile = DeclaredSchema.load(file);
        DeclaredSchema fromDsl = dsl.declared();
        assertThat(fromDsl.schema()).isEqualTo(fromFile.schema());
        assertThat(fromDsl.hints()).isEqualTo(fromFile.hints());
        assertThat(fromDsl.schema().tables()).extracting(t -> t.name()).containsExactlyElementsOf(dsl.tableNames());
    }

    private static void sameAsHandWritten(Cases.Case c) {
        DeclaredSchema dsl = c.dsl().declared();
        DeclaredSchema sql = DeclaredSchema.ofSql(c.sql());
        assertThat(Differ.diff(sql.schema(), dsl.schema())).as("changes from the hand-written schema to the DSL's").isEmpty();
        assertThat(Differ.diff(dsl.schema(), sql.schema())).as("changes from the DSL's schema to the hand-written one").isEmpty();
        assertThat(Models.withoutText(dsl.schema())).isEqualTo(Models.withoutText(sql.schema()));
        assertThat(dsl.hints()).isEqualTo(sql.hints());
    }
}
