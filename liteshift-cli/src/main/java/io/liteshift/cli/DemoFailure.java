package io.liteshift.cli;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;

/** A demo step that did not do what the runbook promises: names the step, says what was wrong, and carries the exit code. */
final class DemoFailure extends RuntimeException {
    final String step;
    final int exitCode;

    private DemoFailure(String step, String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.step = step;
        this.exitCode = exitCode;
    }

    /** A check that failed inside the step that is running (the step adds its name). */
    static DemoFailure check(String message) {
        return new DemoFailure(null, message, Main.FAILED, null);
    }

    static void require(boolean holds, String message) {
        if (!holds) throw check(message);
    }

    /** Anything thrown inside a step, as that step's failure; a liteshift refusal keeps its exit code. */
    static DemoFailure in(String step, Exception e) {
        if (e instanceof DemoFailure d) return new DemoFailure(step, d.getMessage(), d.exitCode, d.getCause());
        if (e instanceof LiteShiftException l) return new DemoFailure(step, l.message(Fix.FrontEnd.COMMAND_LINE), Main.exitCode(l.reason()), l);
        return new DemoFailure(step, e.toString(), Main.FAILED, e);
    }
}
