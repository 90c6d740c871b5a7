package io.liteshift.cli;

import io.liteshift.Fix;
import io.liteshift.Interrupted;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.report.JsonReports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code liteshift} command. */
@Command(name = "liteshift", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Safe, boring, fast schema changes for production SQLite databases.",
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success (including: nothing to do)",
                "  1  failed: applying went wrong and everything was rolled back",
                "  2  usage: a bad option, a missing file, a schema file SQLite rejects",
                "  3  refused: the change would destroy data and --yes was not given",
                "  4  refused: the rows in the database cannot take the declared schema",
                "  5  refused: the migration history cannot be trusted (edited, missing, unlisted or out-of-order migration)",
                "  6  not up to date (status), not verified (verify), or an error found (lint, doctor, seed, rehearse);",
                "     any command: the database file is damaged (SQLite reports it corrupt, or not a database)",
                "  130, 143  stopped by SIGINT or SIGTERM: rolled back, partial files removed, the state it left said",
                "  With --each: 0 when every database is fine, else the code the failing ones share, or 1 when theirs differ.",
                ""})
public final class Main implements Runnable {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REFUSED_DESTRUCTIVE = 3;
    static final int REFUSED_DATA = 4;
    static final int REFUSED_HISTORY = 5;
    static final int NOT_UP_TO_DATE = 6;

    /** In the order of the usage text. */
    private static final Map<String, Class<?>> COMMANDS = commands(DemoCommand.class, InitCommand.class, GenerateCommand.class,
            MigrateCommand.class, LintCommand.class, ReviewCommand.class, StatusCommand.class, VerifyCommand.class, DoctorCommand.class, NewCommand.class,
            HashCommand.class, SeedCommand.class, RehearseCommand.class, BackupCommand.class, BackupsCommand.class, RestoreCommand.class,
            RevertCommand.class, RepairCommand.class, BaselineCommand.class, PullCommand.class, DiffCommand.class, PushCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        OnlineProgress.stderrIsTerminal = OnlineProgress.stderrIsTerminal();
        StopSignals signals = StopSignals.install(Thread.currentThread(), err);
        int code = run(args, new PrintWriter(System.out, true), err);
        System.exit(stopped(signals, code, err));
    }

    /**
     * After a stop signal the exit code is 128 + its number, whatever the command did. A command that stopped said what
     * state it left (an {@link io.liteshift.Interrupted}); one that finished anyway gets a line saying so.
     */
    private static int stopped(StopSignals signals, int code, PrintWriter err) {
        Signal s = signals.received();
        if (s == null) return code;
        if (!interruptionReported) {
            err.println("liteshift: " + StopSignals.name(s) + " came as the command was finishing; it "
                    + (code == 0 ? "completed (see above)." : "ended as reported above."));
        }
        return StopSignals.exitCode(s);
    }

    /** Whether the error printed was an interruption, which says the state itself. */
    private static volatile boolean interruptionReported;

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // the library logs its steps at INFO and DEBUG; a command's own output is enough unless asked for more
        if (Arrays.asList(args).contains("--verbose")) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        CommandLine cmd = new CommandLine(new Main());
        // picocli builds a command's model by reflection; building only the one that runs saves a good part of a
        // no-op's start-up (the whole set is there for usage, help and unknown names)
        Class<?> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only != null && only != CommandLine.HelpCommand.class) cmd.addSubcommand(only);
        else COMMANDS.values().forEach(cmd::addSubcommand);
        cmd.setOut(out);
        cmd.setErr(err);
        boolean json = Arrays.asList(args).contains(JsonOption.NAME);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, line, err, json));
        CommandLine.IParameterExceptionHandler usage = cmd.getParameterExceptionHandler();
        cmd.setParameterExceptionHandler((ex, arguments) -> {
            int code = usage.handleParseException(ex, arguments);
            // the usage text went to standard error as always; a script that asked for JSON reads why on standard output
            if (json) printJson(ex.getCommandLine(), JsonReports.error("usage", ex.getMessage(), List.of("--help"), code));
            return code;
        });
        return cmd.execute(args);
    }

    private static Map<String, Class<?>> commands(Class<?>... classes) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (Class<?> c : classes) out.put(c.getAnnotation(Command.class).name(), c);
        return out;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The message on standard error, as always; with --json, the same error as JSON on standard output too. */
    private static int report(Exception ex, CommandLine line, PrintWriter err, boolean json) {
        boolean verbose = line.getParseResult() != null && line.getParseResult().hasMatchedOption("--verbose");
        if (ex instanceof Interrupted i) {
            interruptionReported = true;
            String message = i.describe(stopSignal());
            err.println("liteshift: " + message);
            if (verbose) i.printStackTrace(err);
            // main() exits with 128 + the signal's number; the JSON says the code the process will have
            if (json) printJson(line, JsonReports.error("interrupted", message, List.of(), StopSignals.exitCode(stopSignal(), FAILED)));
            return FAILED;
        }
        if (ex instanceof LiteShiftException e) {
            err.println("liteshift: " + e.message(Fix.FrontEnd.COMMAND_LINE));
            if (verbose) e.printStackTrace(err);
            if (json) printJson(line, JsonReports.error(e, exitCode(e.reason())));
            return exitCode(e.reason());
        }
        err.println("liteshift: unexpected error: " + ex + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) ex.printStackTrace(err);
        if (json) printJson(line, JsonReports.error("unexpected", "unexpected error: " + ex, List.of("--verbose"), FAILED));
        return FAILED;
    }

    /** An error as the whole --json output of {@code line}'s command. */
    private static void printJson(CommandLine line, Map<String, Object> error) {
        line.getOut().println(Json.of(JsonReports.failed(line.getCommandName(), error)));
        line.getOut().flush();
    }

    /** liteshift's version, as the jar's manifest says it ("development build" when run from classes). */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** What stopped the command: the signal, when one came (then the library was asked to stop), else an interrupt. */
    private static String stopSignal() {
        return Interruption.requestedBy().orElse("an interrupt");
    }

    static int exitCode(LiteShiftException.Reason reason) {
        return switch (reason) {
            case INVALID_INPUT -> USAGE;
            case REFUSED_DESTRUCTIVE -> REFUSED_DESTRUCTIVE;
            case REFUSED_DATA -> REFUSED_DATA;
            case REFUSED_HISTORY -> REFUSED_HISTORY;
            case FAILED -> FAILED;
            case DAMAGED, NOT_MIGRATED -> NOT_UP_TO_DATE;
        };
    }

    static final class Version implements CommandLine.IVersionProvider {
        public String[] getVersion() {
            return new String[]{"liteshift " + version()};
        }
    }
}
