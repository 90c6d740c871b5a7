package io.liteshift.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;


/**
 * The whole engine against random schemas: populate a random schema A with valid rows, push a random
 * evolution B, then
 * <ul>
 *   <li>when A's rows fit B (SQLite decides, see {@link ExpectedDatabase}): the push applies; the result
 *   inspects equal to a fresh database built from B, agrees with it PRAGMA by PRAGMA, holds exactly the rows
 *   the oracle copied by hand (same rowids / keys, same typed values), passes integrity_check and
 *   foreign_key_check, and a second push plans nothing;</li>
 *   <li>otherwise: the push is refused as REFUSED_DATA and the file is byte-for-byte the same dump.</li>
 * </ul>
 * A failure prints schema A, the rows and schema B, shrunk. To see every generated scenario add
 * {@code @Report(Reporting.GENERATED)}.
 */
class PushPropertyTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenario.arbitrary();
    }

    @Property(tries = 1000)
    void pushReachesSchemaBAndKeepsEveryRowOrRefuses(@ForAll("scenarios") Scenario scenario) throws Exception {
        PushCheck.Outcome outcome = ScratchDirectory.with("liteshift-property", dir -> new PushCheck(scenario, dir).run());
        Statistics.label("outcome").collect(outcome);
    }
}
