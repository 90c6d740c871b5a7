package io.liteshift.cli;

import io.liteshift.diff.Change;
import io.liteshift.migrate.GenerateResult;

import java.io.PrintWriter;

/** How commands that write a migration report it. */
final class Reports {
    private Reports() {
    }

    static void generated(GenerateResult r, String whenNothing, PrintWriter out, PrintWriter err) {
        for (String w : r.warnings()) err.println("liteshift: warning: " + w);
        for (String s : r.snapshots()) out.println("refreshed " + s);
        if (r.file().isEmpty()) {
            out.println(whenNothing);
            return;
        }
        out.println("wrote " + r.file().get());
        for (Change c : r.plan().changes()) out.println("  " + c.describe());
        r.plan().rebuilds().forEach(m -> out.println("  rebuilds " + m.to().name() + ": " + String.join("; ", m.reasons())));
        if (!r.attention().isEmpty()) {
            out.println("Needs attention:");
            r.attention().forEach(a -> out.println("  - " + a));
        }
        out.println("Next: review the file (edit it if needed, then `liteshift hash`), commit it, and run `liteshift migrate`.");
    }
}
