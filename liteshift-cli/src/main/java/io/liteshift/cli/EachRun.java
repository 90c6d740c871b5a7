package io.liteshift.cli;

import io.liteshift.EachDatabase;
import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.report.JsonReports;
import io.liteshift.report.Reports;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A command's {@code --each GLOB}: its work on every matching database, a progress line on stderr as each one
 * finishes, then a summary table (or JSON) and an exit code for the whole run.
 */
final class EachRun {
    private static final int ERROR_WIDTH = 100;

    private EachRun() {
    }

    /**
     * One database's line in the summary.
     *
     * @param exitCode what the command would have returned for this database alone
     * @param messages printed in full after the table (problems, warnings, notes)
     * @param json     its entry in {@code --json} output
     */
    record Row(int exitCode, String result, String version, String detail, List<String> messages, Map<String, Object> json) {
        boolean ok() {
            return exitCode == 0;
        }

        static String version(int v) {
            return Reports.version(v);
        }

        /** What a database that threw gets: its message in full, and the exit code it would have had alone. */
        static Row failed(RuntimeException e) {
            int code = e instanceof LiteShiftException l ? Main.exitCode(l.reason()) : Main.FAILED;
            String result = !(e instanceof LiteShiftException l) ? "failed" : switch (l.reason()) {
                case INVALID_INPUT -> "error";
                case FAILED -> "failed";
                case DAMAGED -> "damaged";
                default -> "refused";
            };
            String message = e instanceof LiteShiftException l ? l.message(Fix.FrontEnd.COMMAND_LINE) : "unexpected error: " + e;
            Map<String, Object> json = new LinkedHashMap<>();
            // the same error object as a single database's --json failure
            json.put("error", e instanceof LiteShiftException l ? JsonReports.error(l, code)
                    : JsonReports.error("unexpected", message, List.of("--verbose"), code));
            return new Row(code, result, "-", "", List.of(message), json);
        }
    }

    /**
     * Runs {@code work} on every database {@code each} names and reports; the exit code is 0 when every database
     * was fine, the one they share when all that were not have the same, else 1.
     */
    static int run(ProjectCommand command, EachOptions each, boolean json, Function<EachDatabase.Match, Row> work) {
        if (!each.active()) throw usage("--parallel goes with --each GLOB.");
        if (command.project.db != null) {
            throw usage("--each and --db cannot be used together: --each '" + each.glob + "' names the databases. Drop one of them.");
        }
        int parallel = each.parallelism();
        if (parallel < 1 || parallel > EachOptions.MAX_PARALLEL) {
            throw usage("--parallel must be between 1 and " + EachOptions.MAX_PARALLEL + ", not " + parallel + ".");
        }
        List<EachDatabase.Match> databases = EachDatabase.matching(each.glob, ProjectOptions.workingDir());
        if (databases.isEmpty()) {
            throw usage("no database file matches --each '" + each.glob + "' (relative to " + ProjectOptions.workingDir() + ")."
                    + " -wal, -shm, -journal and -pos files and liteshift's backups never count. Check the pattern: * and ? match"
                    + " within a name, ** across directories, e.g. '/data/tenants/*.db'; quote it so that the shell does not"
                    + " expand it.");
        }
        command.project.resolve(); // read the settings once, before the threads that share them
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        AtomicInteger finished = new AtomicInteger();
        // each outcome becomes a row once, as it finishes (EachDatabase calls back one at a time), for the progress line
        // and then for the summary
        Map<EachDatabase.Outcome<Row>, Row> rows = new IdentityHashMap<>();
        List<EachDatabase.Outcome<Row>> outcomes = EachDatabase.run(databases, parallel, work, o -> {
            Row r = row(o);
            rows.put(o, r);
            err.printf("%s %s %s%s (%s)%n", progress(finished.incrementAndGet(), databases.size()), o.database().name(), r.result(),
                    r.detail().isEmpty() ? "" : ", " + r.detail(), Reports.duration(o.took()));
        });
        List<Done> done = outcomes.stream().map(o -> new Done(o.database(), o.took(), rows.get(o))).toList();
        int exit = exitCode(done);
        if (json) return Json.print(command.spec, exit, json(done));
        report(done, out, err);
        return exit;
    }

    /** One database's outcome as its row, in the order of the databases. */
    private record Done(EachDatabase.Match database, Duration took, Row row) {
    }

    /**
     * "[12/40] [#####...............]": a bar that grows a line at a time rather than one redrawn in place, so a log
     * or a CI job keeps every step.
     */
    static String progress(int done, int total) {
        int width = 20;
        int filled = (int) ((long) done * width / total);
        return "[" + done + "/" + total + "] [" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private static Row row(EachDatabase.Outcome<Row> o) {
        return o.ok() ? o.result() : Row.failed(o.error());
    }

    private static void report(List<Done> outcomes, PrintWriter out, PrintWriter err) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"DATABASE", "RESULT", "VERSION", "DETAIL", "TOOK", "ERROR"});
        for (Done o : outcomes) {
            Row r = o.row();
            String first = r.ok() || r.messages().isEmpty() ? "" : firstLine(r.messages().get(0));
            table.add(new String[]{o.database().name(), r.result(), r.version(), r.detail(), Reports.duration(o.took()), first});
        }
        int[] width = new int[table.get(0).length];
        for (String[] line : table) for (int i = 0; i < line.length; i++) width[i] = Math.max(width[i], line[i].length());
        for (String[] line : table) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(i == line.length - 1 ? line[i] : String.format("%-" + width[i] + "s  ", line[i]));
            }
            out.println(b.toString().stripTrailing());
        }
        for (Done o : outcomes) {
            for (String m : o.row().messages()) err.println("liteshift: " + o.database().name() + ": " + m);
        }
        List<String> notOk = outcomes.stream().filter(o -> !o.row().ok()).map(o -> o.database().name()).toList();
        out.println(outcomes.size() + " database(s): " + (outcomes.size() - notOk.size()) + " ok"
                + (notOk.isEmpty() ? "." : ", " + notOk.size() + " not: " + String.join(", ", notOk) + "."));
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= ERROR_WIDTH ? line : line.substring(0, ERROR_WIDTH - 1) + "…";
    }

    private static Map<String, Object> json(List<Done> outcomes) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Done o : outcomes) {
            Row r = o.row();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("database", o.database().name());
            m.put("file", o.database().file().toString());
            m.put("ok", r.ok());
            m.put("exitCode", r.exitCode());
            m.put("durationMs", o.took().toMillis());
            r.json().forEach(m::putIfAbsent); // the command's own fields after these, never instead of them
            entries.add(m);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("databases", entries);
        return all;
    }

    private static int exitCode(List<Done> outcomes) {
        List<Integer> codes = outcomes.stream().map(o -> o.row().exitCode()).filter(c -> c != 0).distinct().toList();
        if (codes.isEmpty()) return 0;
        return codes.size() == 1 ? codes.get(0) : Main.FAILED;
    }

    private static LiteShiftException usage(String message) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, message);
    }

    /** "acme/" for tenants/acme/app.db under tenants/*: per-database things (backups) kept apart like the databases. */
    static Path below(Path dir, EachDatabase.Match m) {
        Path parent = m.relative().getParent();
        return parent == null ? dir : dir.resolve(parent);
    }
}
