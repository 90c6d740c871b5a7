package io.liteshift.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * generate → migrate → revert over random schemas and rows: see {@link MigrateCheck}. Fewer tries than the push
 * property (each try writes and replays three migrations); raise with {@code -Djqwik.tries.default}.
 */
class MigratePropertyTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenario.arbitrary();
    }

    @Property(tries = 100)
    void generatedMigrationsReachTheDeclaredSchemaKeepRowsAndRevert(@ForAll("scenarios") Scenario scenario) throws Exception {
        Path dir = Files.createTempDirectory("liteshift-migrate-property");
        try {
            Statistics.label("outcome").collect(new MigrateCheck(scenario, dir).run());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
