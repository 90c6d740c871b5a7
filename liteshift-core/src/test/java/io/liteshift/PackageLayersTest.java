package io.liteshift;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependencies between liteshift's packages run one way: down the pipeline, inspect → diff → plan → lint → apply,
 * with the versioned and operational packages above it, the facade above them and what only the front ends use on top.
 * Read from the main sources (imports and names written out in full), so a new dependency is judged by the line that
 * adds it.
 */
class PackageLayersTest {
    private static final String ROOT = "io.liteshift";
    private static final Path MAIN = Path.of("src/main/java");

    /**
     * The facade's package holds two layers: the words every package uses to fail and to say the fix (these types,
     * which depend on nothing else of liteshift), at the bottom, and the facade itself, which uses everything, on top.
     */
    static final Set<String> BASE = Set.of("LiteShiftException", "Fix", "Interrupted", "Interruption", "Owner");
    static final String BASE_UNIT = ROOT + " (base: " + String.join(", ", BASE.stream().sorted().toList()) + ")";

    /** Bottom to top. A unit may depend on units of its own layer (without a cycle) and of the layers below it. */
    static final List<Layer> LAYERS = List.of(
            new Layer("foundation", Set.of(BASE_UNIT, ROOT + ".sql", ROOT + ".schema", ROOT + ".hints", ROOT + ".sqlite")),
            new Layer("inspect", Set.of(ROOT + ".inspect", ROOT + ".dsl")),
            new Layer("diff", Set.of(ROOT + ".diff")),
            new Layer("plan", Set.of(ROOT + ".plan")),
            new Layer("lint", Set.of(ROOT + ".lint")),
            new Layer("apply", Set.of(ROOT + ".apply")),
            new Layer("versioned and operational", Set.of(ROOT + ".migrate", ROOT + ".seed", ROOT + ".backup",
                    ROOT + ".rehearse", ROOT + ".doctor", ROOT + ".review", ROOT + ".online")),
            new Layer("facade", Set.of(ROOT)),
            new Layer("front-end support", Set.of(ROOT + ".config", ROOT + ".report")));

    record Layer(String name, Set<String> units) {
    }

    private final List<SourceReferences.Reference> references = SourceReferences.scan(MAIN);

    @Test
    void noPackagesDependOnEachOther() {
        List<String> cycles = new PackageGraph(references, PackageLayersTest::unit).cycles();
        assertThat(cycles).as("dependency cycles between packages (break each: the caller above hands down what is"
                + " needed, or the shared piece moves down)\n" + String.join("\n", cycles)).isEmpty();
    }

    @Test
    void dependenciesRunDownTheLayers() {
        List<String> wrongWay = new ArrayList<>();
        PackageGraph graph = new PackageGraph(references, PackageLayersTest::unit);
        graph.edges().forEach((from, tos) -> tos.forEach((to, r) -> {
            if (layer(to) > layer(from)) {
                wrongWay.add(from + " (" + LAYERS.get(layer(from)).name() + ") → " + to + " (" + LAYERS.get(layer(to)).name()
                        + "): " + r.where());
            }
        }));
        assertThat(wrongWay).as("dependencies up the layers " + layerOrder() + "\n" + String.join("\n", wrongWay)).isEmpty();
    }

    @Test
    void everyPackageHasItsLayer() {
        List<String> placed = LAYERS.stream().flatMap(l -> l.units().stream()).toList();
        List<String> missing = SourceReferences.packages(MAIN).stream()
                .filter(p -> !placed.contains(p)).toList();
        assertThat(missing).as("packages without a layer: add each to LAYERS where it belongs " + layerOrder()).isEmpty();
    }

    @Test
    void theGraphNamesACycleByItsLines() {
        List<SourceReferences.Reference> refs = new ArrayList<>();
        refs.addAll(SourceReferences.references("a/A.java", "package io.liteshift.a;\nimport io.liteshift.b.B;\nclass A {}\n"));
        refs.addAll(SourceReferences.references("b/B.java", "package io.liteshift.b;\n\npublic class B {\n  Object c = new io.liteshift.c.C();\n}\n"));
        refs.addAll(SourceReferences.references("c/C.java", "package io.liteshift.c;\nimport io.liteshift.a.*;\npublic class C {}\n"));
        refs.addAll(SourceReferences.references("d/D.java", "package io.liteshift.d;\nimport io.liteshift.a.A;\nclass D {}\n"));

        List<String> cycles = new PackageGraph(refs, PackageLayersTest::unit).cycles();

        assertThat(cycles).containsExactly("io.liteshift.a → io.liteshift.b → io.liteshift.c → io.liteshift.a"
                + "\n    io.liteshift.a → io.liteshift.b: a/A.java:2 (io.liteshift.b.B)"
                + "\n    io.liteshift.b → io.liteshift.c: b/B.java:4 (io.liteshift.c.C)"
                + "\n    io.liteshift.c → io.liteshift.a: c/C.java:2 (io.liteshift.a)");
    }

    @Test
    void commentsAndStringsAreNoDependency() {
        String source = """
                package io.liteshift.x;

                /** See {@link io.liteshift.lint.Linter}. */
                class X {
                    // io.liteshift.migrate.Migrator would be a cycle
                    String s = "io.liteshift.plan.Plan";
                    String block = \"""
                            io.liteshift.diff.Differ
                            \""";
                    char c = '"';
                    io.liteshift.Fix.FrontEnd f = io.liteshift.Fix.FrontEnd.CLI;
                    java.util.List<io.liteshift.schema.Schema> l;
                }
                """;
        assertThat(SourceReferences.references("x/X.java", source)).extracting(SourceReferences.Reference::where)
                .containsExactly("x/X.java:11 (io.liteshift.Fix)", "x/X.java:11 (io.liteshift.Fix)", "x/X.java:12 (io.liteshift.schema.Schema)");
        assertThat(unit("io.liteshift.Fix")).isEqualTo(BASE_UNIT);
        assertThat(unit("io.liteshift.LiteShift")).isEqualTo(ROOT);
    }

    /** The unit of a top-level type (or of a package, for a wildcard import): its package, the base's types apart. */
    static String unit(String type) {
        int dot = type.lastIndexOf('.');
        String last = type.substring(dot + 1);
        if (!Character.isUpperCase(last.charAt(0))) return type;
        String pkg = type.substring(0, dot);
        return pkg.equals(ROOT) && BASE.contains(last) ? BASE_UNIT : pkg;
    }

    private static int layer(String unit) {
        for (int i = 0; i < LAYERS.size(); i++) if (LAYERS.get(i).units().contains(unit)) return i;
        return LAYERS.size() - 1; // not placed: everyPackageHasItsLayer says so; here it may depend on anything
    }

    private static String layerOrder() {
        return LAYERS.stream().map(l -> l.name() + " " + l.units().stream().sorted()
                .map(u -> u.equals(ROOT) || u.equals(BASE_UNIT) ? u : u.substring(ROOT.length() + 1))
                .collect(Collectors.joining(", ", "{", "}"))).collect(Collectors.joining(" < "));
    }
}
