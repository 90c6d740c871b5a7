package io.liteshift;

/**
 * Work stopped because {@link Interruption} asked it to. The message says what was going on and the state that left:
 * "interrupted during 0003_add_index: it was rolled back; /data/app.db is at 0002; not applied: 0003_add_index."
 * Nothing is half done and no temporary file is left: what the message calls rolled back or removed is.
 */
public final class Interrupted extends LiteShiftException {
    private final String during;
    private final String state;

    /**
     * @param during what was going on ("the backup of /data/app.db"); empty when it is said by the state alone
     * @param state  the state it leaves ("no backup was written; the partial file was removed")
     */
    public Interrupted(String during, String state, Throwable cause) {
        super(Reason.FAILED, text("interrupted", during, state), cause);
        this.during = during;
        this.state = state;
    }

    public String during() {
        return during;
    }

    public String state() {
        return state;
    }

    /** The message naming what stopped it: "interrupted by SIGINT during ...: ...". */
    public String describe(String by) {
        return text("interrupted by " + by, during, state);
    }

    private static String text(String head, String during, String state) {
        return head + (during.isEmpty() ? "" : " during " + during) + ": " + state;
    }
}
