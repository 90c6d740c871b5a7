package io.liteshift.dsl;

import io.liteshift.LiteShiftException;
import io.liteshift.inspect.DeclaredSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding a schema class by name in classes compiled into a directory, and every way that can go wrong. */
class SchemaClassesTest {
    private static final String IMPORTS = "import io.liteshift.dsl.*;\nimport static io.liteshift.dsl.SqliteType.*;\n";
    private static final String BODY = "JavaSchema.define(s -> s.table(\"notes\", t -> {\n"
            + "  t.column(\"id\", INTEGER).primaryKey();\n  t.column(\"body\", TEXT).notNull();\n}))";

    @TempDir
    Path dir;
    URLClassLoader loader;
    Path classes;

    @BeforeEach
    void compile() throws IOException {
        classes = CompiledClasses.compile(dir.resolve("classes"), Map.of(
                "app.db.Defined", "package app.db;\n" + IMPORTS
                        + "public class Defined implements SchemaDefinition {\n public JavaSchema schema() { return " + BODY + "; }\n}",
                "app.db.Factory", "package app.db;\n" + IMPORTS
                        + "public final class Factory {\n private Factory() {}\n public static JavaSchema schema() { return " + BODY + "; }\n"
                        + " public static String other() { return \"\"; }\n}",
                "app.db.NotASchema", "package app.db;\npublic class NotASchema { public static String schema() { return \"\"; } }",
                "app.db.Throwing", "package app.db;\n" + IMPORTS
                        + "public class Throwing implements SchemaDefinition {\n public Throwing() { throw new IllegalStateException(\"no config\"); }\n"
                        + " public JavaSchema schema() { return null; }\n}",
                "app.db.Mistaken", "package app.db;\n" + IMPORTS
                        + "public class Mistaken implements SchemaDefinition {\n public JavaSchema schema() {\n  return JavaSchema.define(s -> s"
                        + ".table(\"orders\", t -> t.column(\"customer_id\", INTEGER).references(\"customers\", \"id\")));\n }\n}",
                "app.db.Nothing", "package app.db;\n" + IMPORTS
                        + "public class Nothing implements SchemaDefinition {\n public JavaSchema schema() { return null; }\n}",
                "app.db.NoConstructor", "package app.db;\n" + IMPORTS
                        + "public class NoConstructor implements SchemaDefinition {\n public NoConstructor(int x) {}\n"
                        + " public JavaSchema schema() { return " + BODY + "; }\n}",
                "app.db.TwoFactories", "package app.db;\n" + IMPORTS
                        + "public class TwoFactories {\n public static JavaSchema v1() { return " + BODY + "; }\n"
                        + " public static JavaSchema v2() { return " + BODY + "; }\n}"));
        loader = CompiledClasses.loader(classes);
    }

    @Test
    void a_schema_definition_and_a_static_method_load_the_same_schema() {
        JavaSchema defined = SchemaClasses.load("app.db.Defined", loader);
        JavaSchema made = SchemaClasses.load("app.db.Factory", loader);
        assertThat(defined).isEqualTo(made);
        assertThat(defined.toSql()).isEqualTo("CREATE TABLE notes (\n  id INTEGER,\n  body TEXT NOT NULL,\n  PRIMARY KEY (id)\n);\n");
        DeclaredSchema d = SchemaClasses.declared("app.db.Defined", loader);
        assertThat(d.schema().table("notes")).isPresent();
        assertThat(d.schema().table("notes").get().rowidAlias()).isPresent();
    }

    @Test
    void a_missing_class_names_the_classpath_searched() {
        assertThatThrownBy(() -> SchemaClasses.load("app.db.Missing", loader))
                .isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("the schema class app.db.Missing was not found on the classpath '" + classes)
                .hasMessageContaining("Check the class name (package included)").hasMessageContaining("--classpath");
    }

    @Test
    void a_class_of_the_wrong_type_says_what_it_must_be() {
        assertThatThrownBy(() -> SchemaClasses.load("app.db.NotASchema", loader))
                .hasMessageContaining("the schema class app.db.NotASchema neither implements io.liteshift.dsl.SchemaDefinition"
                        + " nor has a public static method without parameters that returns io.liteshift.dsl.JavaSchema");
        assertThatThrownBy(() -> SchemaClasses.load("app.db.TwoFactories", loader))
                .hasMessageContaining("several public static methods that return a JavaSchema (v1(), v2())");
        assertThatThrownBy(() -> SchemaClasses.load("app.db.NoConstructor", loader))
                .hasMessageContaining("app.db.NoConstructor has no public constructor without parameters");
    }

    @Test
    void a_constructor_that_throws_is_reported_with_its_cause() {
        assertThatThrownBy(() -> SchemaClasses.load("app.db.Throwing", loader))
                .hasMessageContaining("app.db.Throwing's constructor threw java.lang.IllegalStateException: no config at app.db.Throwing.<init>")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SchemaClasses.load("app.db.Nothing", loader))
                .hasMessageContaining("app.db.Nothing.schema() returned null");
    }

    @Test
    void a_mistake_in_the_declaration_names_the_class_and_the_line() {
        assertThatThrownBy(() -> SchemaClasses.load("app.db.Mistaken", loader))
                .hasMessageStartingWith("app.db.Mistaken.schema(): the schema has a mistake:")
                .hasMessageContaining("table orders, foreign key (customer_id) (Mistaken.java:6) references table customers, which is not declared");
    }
}
