package io.liteshift.cli;

import io.liteshift.Interruption;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.util.List;

/**
 * SIGINT (Ctrl-C, and Fly.io's default stop signal) and SIGTERM (docker stop, Kubernetes) while a command runs. The
 * JVM's default is to exit at once, which leaves a backup's partial file, a rehearsal's copy and a silent terminal
 * behind. Instead the first signal asks the library to stop ({@link Interruption#request}) and interrupts the
 * command's thread; the command unwinds through its own roll-back and clean-up, {@link Main} says what state that left
 * and exits with 128 + the signal's number (130, 143). A second signal exits at once: SQLite's transactions survive
 * that (the next connection rolls back a hot journal), and the next backup or rehearsal removes what is left.
 *
 * <p>A JVM shutdown hook cannot do this: it does not learn which signal came, and it runs only after the command's
 * thread has been abandoned. {@code sun.misc.Signal} (module jdk.unsupported) is in every JDK.
 */
final class StopSignals {
    private static final List<String> STOPPING = List.of("INT", "TERM");
    private final Thread command;
    private final PrintWriter err;
    private volatile Signal received;

    private StopSignals(Thread command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /** Handles SIGINT and SIGTERM from now on, for a command running on {@code command}. */
    static StopSignals install(Thread command, PrintWriter err) {
        StopSignals s = new StopSignals(command, err);
        for (String name : STOPPING) {
            try {
                Signal.handle(new Signal(name), s::received);
            } catch (IllegalArgumentException e) {
                // this platform has no such signal (or the JVM runs with -Xrs): the default stays
            }
        }
        return s;
    }

    private void received(Signal s) {
        if (received == null) {
            received = s;
            Interruption.request(name(s));
            command.interrupt();
            return;
        }
        err.println("liteshift: " + name(s) + " again: exiting now, without cleaning up. The database is safe (an unfinished"
                + " transaction is rolled back when it is next opened); the next backup or rehearse removes a partial copy.");
        err.flush();
        Runtime.getRuntime().halt(exitCode(s));
    }

    /** The first signal that came, or null. */
    Signal received() {
        return received;
    }

    static String name(Signal s) {
        return "SIG" + s.getName();
    }

    /** 128 + the signal's number, as a shell reports a process a signal stopped: 130 for SIGINT, 143 for SIGTERM. */
    static int exitCode(Signal s) {
        return 128 + s.getNumber();
    }

    /** The exit code for a stop by {@code by} ("SIGTERM", as {@link #name} says it), or {@code otherwise} for an interrupt. */
    static int exitCode(String by, int otherwise) {
        if (!by.startsWith("SIG")) return otherwise;
        try {
            return exitCode(new Signal(by.substring(3)));
        } catch (IllegalArgumentException unknown) {
            return otherwise;
        }
    }
}
