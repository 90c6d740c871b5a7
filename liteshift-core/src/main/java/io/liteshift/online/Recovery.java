package io.liteshift.online;

/** What a run found of an earlier online rebuild that was stopped (killed, a crash) before it finished. */
public sealed interface Recovery {

    /** Said to the user: "resumed the online rebuild of users at 1,200,000 copied rows". */
    String describe();

    /** Nothing was left over. */
    record Nothing() implements Recovery {
        @Override
        public String describe() {
            return "no interrupted online rebuild was found";
        }
    }

    /** The same rebuild was left half copied; it goes on from its last checkpoint. */
    record Resumed(String table, long copied) implements Recovery {
        @Override
        public String describe() {
            return String.format("resumed the interrupted online rebuild of %s from its checkpoint (%,d rows copied)", table, copied);
        }
    }

    /**
     * A rebuild that cannot be resumed (another change, another table, or the table changed meanwhile) was removed:
     * its shadow table, triggers and change log. The application's table was never touched by it.
     */
    record CleanedUp(String table, String why) implements Recovery {
        @Override
        public String describe() {
            return "removed an interrupted online rebuild of " + table + " (" + why + "); " + table + " is as it was";
        }
    }

    /** The swap had committed; what was left was freeing the old table's pages, which is now done. */
    record Finished(String table) implements Recovery {
        @Override
        public String describe() {
            return "the interrupted online rebuild of " + table + " had already swapped the tables; freed the old table's pages";
        }
    }
}
