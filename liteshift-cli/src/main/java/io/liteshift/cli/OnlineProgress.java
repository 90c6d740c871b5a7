package io.liteshift.cli;

import io.liteshift.ProgressLines;
import io.liteshift.online.Progress;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The progress line of an online rebuild on stderr: rows copied, rate, ETA, change backlog. On a terminal it is one
 * line redrawn in place; otherwise (a log, a CI job, {@code --each}) {@link ProgressLines}: a line at each phase and
 * every few seconds during the copy, so that the log keeps a readable trace rather than thousands of lines.
 */
final class OnlineProgress implements Consumer<Progress> {
    /** Whether this process's stderr is a terminal; set by {@link Main#main} (tests that call Main.run never redraw). */
    static volatile boolean stderrIsTerminal;

    private final PrintWriter err;
    private final String prefix;
    private final boolean redraw;
    private final ProgressLines lines;
    private boolean open;

    private OnlineProgress(PrintWriter err, String prefix, boolean redraw) {
        this.err = err;
        this.prefix = prefix;
        this.redraw = redraw;
        this.lines = ProgressLines.to(line -> {
            err.println(line);
            err.flush();
        }, prefix);
    }

    /** For one push: redrawn in place on a terminal, periodic lines otherwise. */
    static OnlineProgress to(PrintWriter err) {
        return new OnlineProgress(err, "", stderrIsTerminal);
    }

    /** Periodic lines only, each starting with {@code prefix} (one database of several running at once). */
    static OnlineProgress lines(PrintWriter err, String prefix) {
        return new OnlineProgress(err, prefix, false);
    }

    @Override
    public synchronized void accept(Progress p) {
        if (redraw) {
            // \r and "erase to end of line": the next line starts where this one did
            err.print("\r" + prefix + p.line() + "\033[K");
            open = p.phase() != Progress.Phase.DONE;
            if (!open) err.println();
            err.flush();
            return;
        }
        lines.accept(p);
    }

    /** Ends a line left open on a terminal (the rebuild failed or stopped mid-copy), so that the message starts clean. */
    synchronized void close() {
        if (!open) return;
        err.println();
        err.flush();
        open = false;
    }

    /** Whether file descriptor 2 is a terminal: on Linux, where /proc says what it points at; elsewhere, a console. */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console, which is there when standard input and output are a terminal
        }
        return System.console() != null;
    }
}
