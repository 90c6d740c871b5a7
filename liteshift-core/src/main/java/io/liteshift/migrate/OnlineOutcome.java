package io.liteshift.migrate;

import io.liteshift.online.OnlineResult;
import io.liteshift.online.Recovery;
import io.liteshift.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a change run with its rebuilds online did ({@link OnlineApplier}).
 *
 * @param rebuilt   each table rebuilt online, in order (with what it found of an interrupted run of its own)
 * @param recovered interrupted online rebuilds of other changes, removed (or finished) before this one began
 * @param rest      the plan that ran in the last transaction
 */
public record OnlineOutcome(List<OnlineResult> rebuilt, List<Recovery> recovered, Plan rest) {
    public OnlineOutcome {
        rebuilt = List.copyOf(rebuilt);
        recovered = List.copyOf(recovered);
    }

    /** One line per leftover of an interrupted run: resumed, finished or removed ("resumed the interrupted ..."). */
    public List<String> recoveries() {
        List<String> out = new ArrayList<>();
        recovered.forEach(r -> out.add(r.describe()));
        rebuilt.stream().map(OnlineResult::recovery).filter(r -> !(r instanceof Recovery.Nothing)).forEach(r -> out.add(r.describe()));
        return out;
    }
}
