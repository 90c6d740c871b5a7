package io.liteshift.migrate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any single change to a directory after its integrity file was written is detected; no change, no problem. */
class IntegrityFileProperties {

    enum Mutation { EDIT, REMOVE, ADD_AT_END, ADD_IN_MIDDLE, RENUMBER, CRLF_CHECKOUT }

    record Case(List<Migration> migrations, Mutation mutation, int at) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<String>> bodies = Arbitraries.strings().alpha().numeric().withChars(" ;\n'").ofMaxLength(40).list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(bodies, Arbitraries.of(Mutation.class), Arbitraries.integers().between(0, 11)).as((b, mutation, at) -> {
            List<Migration> ms = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) ms.add(Migration.of(String.format("%04d_m%d.sql", (i + 1) * 2, i), "-- " + i + "\n" + b.get(i)).orElseThrow());
            return new Case(ms, mutation, at % b.size());
        });
    }

    @Property(tries = 500)
    void everySingleChangeIsDetected(@ForAll("cases") Case c) {
        String sum = IntegrityFile.render(c.migrations());
        assertThat(IntegrityFile.check(c.migrations(), sum, "migrations")).isEmpty();
        List<Migration> changed = new ArrayList<>(c.migrations());
        Migration target = changed.get(c.at());
        switch (c.mutation()) {
            case EDIT -> changed.set(c.at(), Migration.of(target.fileName(), target.sql() + " ").orElseThrow());
            case REMOVE -> changed.remove(c.at());
            case ADD_AT_END -> changed.add(Migration.of("9999_new.sql", "SELECT 1;").orElseThrow());
            case ADD_IN_MIDDLE -> changed.add(Migration.of(String.format("%04d_between.sql", target.version() - 1), "SELECT 1;").orElseThrow());
            case RENUMBER -> changed.set(c.at(), Migration.of(String.format("%04d_%s.sql", target.version() + 1, target.name()), target.sql()).orElseThrow());
            case CRLF_CHECKOUT -> changed.set(c.at(), Migration.of(target.fileName(), target.sql().replace("\n", "\r\n")).orElseThrow());
        }
        changed.sort(Comparator.comparingInt(Migration::version).thenComparing(Migration::fileName));
        List<Problem> problems = IntegrityFile.check(changed, sum, "migrations");
        if (c.mutation() == Mutation.CRLF_CHECKOUT) {
            assertThat(problems).as("a CRLF checkout is the same migration").isEmpty();
        } else {
            assertThat(problems).as(c.mutation() + " at " + c.at()).isNotEmpty().allMatch(p -> p.kind() == Problem.Kind.INTEGRITY);
        }
    }
}
