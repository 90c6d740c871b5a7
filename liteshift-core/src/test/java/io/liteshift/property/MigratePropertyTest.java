package io.liteshift.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;


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
        MigrateCheck.Outcome outcome = ScratchDirectory.with("liteshift-migrate-property", dir -> new MigrateCheck(scenario, dir).run());
        Statistics.label("outcome").collect(outcome);
    }
}
