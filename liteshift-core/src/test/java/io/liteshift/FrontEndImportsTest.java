package io.liteshift;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The front ends' allowed set is what the facade hands out, and a reference past it is caught with its line. */
class FrontEndImportsTest {

    @Test
    void everyAllowedValueIsTakenOrReturnedByTheFacade() {
        Set<String> reachable = reachableFrom(LiteShift.class, Configuration.class);
        assertThat(reachable).as("types the facade's public methods take or return, through their records")
                .containsAll(FrontEndImports.VALUES);
    }

    @Test
    void aReferencePastTheFacadeIsNamedByItsLine() {
        String source = """
                package io.liteshift.cli;

                import io.liteshift.LiteShift;
                import io.liteshift.migrate.StatusReport;
                import io.liteshift.report.Reports;
                import io.liteshift.cli.Other;

                final class SeedCommand {
                    Object r = io.liteshift.lint.Linter.lint(null, null, null, null, null);
                    Object d = io.liteshift.sqlite.DatabaseUrl.toPath("app.db");
                }
                """;
        List<SourceReferences.Reference> refs = SourceReferences.references("io/liteshift/cli/SeedCommand.java", source);
        assertThat(FrontEndImports.outside(refs, List.of("io.liteshift.cli"))).containsExactly(
                "io/liteshift/cli/SeedCommand.java:9 (io.liteshift.lint.Linter)",
                "io/liteshift/cli/SeedCommand.java:10 (io.liteshift.sqlite.DatabaseUrl)");
    }

    /** liteshift's types in the public signatures of {@code roots}, then of every record and public type reached. */
    private static Set<String> reachableFrom(Class<?>... roots) {
        Set<String> seen = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(roots));
        while (!todo.isEmpty()) {
            Class<?> c = todo.removeFirst();
            if (!seen.add(c.getName())) continue;
            for (Method m : c.getMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class) continue;
                add(m.getGenericReturnType(), todo);
                for (Type p : m.getGenericParameterTypes()) add(p, todo);
            }
            if (c.isRecord()) for (RecordComponent rc : c.getRecordComponents()) add(rc.getGenericType(), todo);
        }
        return seen;
    }

    private static void add(Type t, Deque<Class<?>> todo) {
        if (t instanceof ParameterizedType p) {
            add(p.getRawType(), todo);
            for (Type a : p.getActualTypeArguments()) add(a, todo);
        } else if (t instanceof Class<?> c) {
            Class<?> top = c.isArray() ? c.getComponentType() : c;
            while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
            if (top.getName().startsWith("io.liteshift.")) todo.addLast(top);
        }
    }
}
