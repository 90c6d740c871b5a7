package io.liteshift;

import java.util.ArrayList;
import java.util.List;

/**
 * A command or setting named inside a message, written the way the reader's front end names it: the command line
 * says {@code liteshift hash} and {@code --lock-timeout}, the Maven plugin {@code mvn liteshift:hash} and
 * {@code -Dliteshift.lockTimeout}, the Java API {@code LiteShift#hash()} and {@code lockTimeout(...)}.
 *
 * <p>A message is built as before, by concatenation, with a reference where the name goes:
 * <pre>{@code
 * "Review the change, then run `" + Fix.command(Fix.Command.HASH) + "` to accept it."
 * }</pre>
 * The reference is a short marker in the text. {@link LiteShiftException#getMessage()} and the accessors of the
 * result types render it for the Java API; a front end renders the text for itself with
 * {@link #render(String, FrontEnd)} (or {@code message(FrontEnd)}). Code that builds a longer message from another
 * one takes its unrendered text ({@link LiteShiftException#text()}, {@code Problem.text()}), so the reference
 * survives until it is printed.
 */
public final class Fix {
    /** Starts a reference; private-use characters, which no path, SQL or message of liteshift contains. */
    private static final char OPEN = '\uE000';
    private static final char ARGUMENT = '\uE001';
    private static final char CLOSE = '\uE002';

    private Fix() {
    }

    /** Who reads the message. */
    public enum FrontEnd {
        COMMAND_LINE, MAVEN, JAVA
    }

    /**
     * A command, as each front end runs it; {@code %s} are its arguments, in order. A command the Maven plugin has no
     * goal for is named as on the command line there (it stays a command-line decision, see the README).
     */
    public enum Command {
        HASH("liteshift hash", "mvn liteshift:hash", "LiteShift#hash()"),
        GENERATE("liteshift generate", "mvn liteshift:generate", "LiteShift#generate(name)"),
        MIGRATE("liteshift migrate", "mvn liteshift:migrate", "LiteShift#migrate()"),
        STATUS("liteshift status", "mvn liteshift:status", "LiteShift#status()"),
        DOCTOR("liteshift doctor", "mvn liteshift:doctor", "LiteShift#doctor()"),
        INIT("liteshift init", null, "liteshift init"),
        REPAIR("liteshift repair", null, "LiteShift#repair()"),
        /** Arguments: the version. */
        BASELINE("liteshift baseline --version %s", null, "LiteShift#baseline(%s)"),
        /** Arguments: the two sides. */
        DIFF("liteshift diff --from %s --to %s", null, "LiteShift.diff(SchemaSource.parse(\"%s\"), SchemaSource.parse(\"%s\"))"),
        /** Arguments: the backup, the database. */
        RESTORE("liteshift restore %s --db %s --yes", null, "Backups.restore(Path.of(\"%s\"), Path.of(\"%s\"), false)"),
        /** As {@link #RESTORE}, over a file SQLite cannot open: no other process can be using it as a database. */
        RESTORE_FORCED("liteshift restore %s --db %s --yes --force", null, "Backups.restore(Path.of(\"%s\"), Path.of(\"%s\"), true)");

        private final String commandLine;
        private final String maven;
        private final String java;

        Command(String commandLine, String maven, String java) {
            this.commandLine = commandLine;
            this.maven = maven == null ? commandLine : maven;
            this.java = java;
        }

        /** The command as {@code frontEnd} runs it, with {@code arguments} in place. */
        public String in(FrontEnd frontEnd, Object... arguments) {
            String form = switch (frontEnd) {
                case COMMAND_LINE -> commandLine;
                case MAVEN -> maven;
                case JAVA -> java;
            };
            return arguments.length == 0 ? form : String.format(form, arguments);
        }
    }

    /**
     * A setting, as each front end sets it. The command line's texts are the ones its messages have always used,
     * which name the other ways to set it too.
     */
    public enum Setting {
        LOCK_TIMEOUT("--lock-timeout, lock_timeout in liteshift.toml, or lockTimeout(...) in the Java API",
                "-Dliteshift.lockTimeout (<lockTimeout> in the plugin's configuration), or lock_timeout in liteshift.toml",
                "lockTimeout(...)"),
        REPLICA_TIMEOUT("--replica-timeout, or replicaTimeout(...) in the Java API",
                "-Dliteshift.replicaTimeout (<replicaTimeout> in the plugin's configuration)", "replicaTimeout(...)"),
        CREATE_MISSING("--create (createMissing in the Java API and the Maven plugin)",
                "-Dliteshift.createMissing (<createMissing>true</createMissing>)", "createMissing(true)"),
        BASELINE_ON_MIGRATE("--baseline-on-migrate (baseline_on_migrate in liteshift.toml, baselineOnMigrate in the Java API and the Maven plugin)",
                "-Dliteshift.baselineOnMigrate (<baselineOnMigrate>true</baselineOnMigrate>)", "baselineOnMigrate(true)"),
        OUT_OF_ORDER("--out-of-order (outOfOrder in the Java API and the Maven plugin)",
                "-Dliteshift.outOfOrder (<outOfOrder>true</outOfOrder>)", "outOfOrder(true)"),
        /** Migrate in spite of lint's errors. */
        SKIP_LINT("--force (lintBeforeMigrate(false) in the Java API, force in the Maven plugin)",
                "-Dliteshift.force (<force>true</force>)", "lintBeforeMigrate(false)"),
        DATABASE("--db", "<database> (-Dliteshift.database)", "database(...)"),
        MIGRATIONS("--dir (or `migrations` in liteshift.toml, or migrations(...) in the Java API)",
                "<migrations> (-Dliteshift.migrations, or `migrations` in liteshift.toml)", "migrations(...)"),
        /** The declared schema's file or directory. */
        SCHEMA("--schema FILE or --schema-class CLASS (or schema in liteshift.toml)",
                "<schema> (-Dliteshift.schema, or schema in liteshift.toml)", "the schema path (schema(...))"),
        /** How many backups of a database to keep. */
        KEEP("--keep N", "-Dliteshift.keep (<keep>)", "keep in backup(dir, keep) or backupBeforeMigrate(dir, keep)"),
        /** The seeds directory (no Maven goal seeds). */
        SEEDS("--seeds", "--seeds", "seed(dir, seeders) or seedAfterMigrate(dir, ...)"),
        /** review: where the page is written. */
        REVIEW_OUT("--out FILE", "<out> (-Dliteshift.reviewOut)", "the out argument of LiteShift#review"),
        /** review: the schema before, of two compared. */
        REVIEW_FROM("--from", "<from> (-Dliteshift.reviewFrom)", "the from argument of LiteShift.review(from, to, out)"),
        /** review: the schema after, of two compared. */
        REVIEW_TO("--to", "<to> (-Dliteshift.reviewTo)", "the to argument of LiteShift.review(from, to, out)"),
        /** review: rehearse the pending migrations too. */
        REVIEW_REHEARSE("--rehearse", "<rehearse> (-Dliteshift.rehearse)", "ReviewOptions.rehearse"),
        /** review: the plan a push would run, instead of the migrations. */
        REVIEW_PUSH("--schema FILE (or --schema-class CLASS)", "<pushPlan> (-Dliteshift.reviewPush)", "ReviewOptions.pushPlan"),
        /** push: accept dropping data (no Maven goal pushes). */
        ALLOW_DESTRUCTIVE("--yes", "--yes", "PushOptions.allowingDestructive()"),
        /** Run the rebuilds of migrations marked online in one transaction instead (a rollback-journal database, a maintenance window). */
        OFFLINE("--no-online (online(false) in the Java API)",
                "-Dliteshift.online=false (<online>false</online>)",
                "online(false) (spring.liteshift.online=false in Spring Boot)"),
        /** restore: in spite of another process using the database (no Maven goal restores). */
        FORCE_RESTORE("restore --force", "restore --force", "Backups.restore(backup, database, true)");

        private final String commandLine;
        private final String maven;
        private final String java;

        Setting(String commandLine, String maven, String java) {
            this.commandLine = commandLine;
            this.maven = maven;
            this.java = java;
        }

        /** The setting as {@code frontEnd} names it. */
        public String in(FrontEnd frontEnd) {
            return switch (frontEnd) {
                case COMMAND_LINE -> commandLine;
                case MAVEN -> maven;
                case JAVA -> java;
            };
        }
    }

    /** A reference to {@code command} for a message; {@code arguments} fill its {@code %s} (paths, a version). */
    public static String command(Command command, Object... arguments) {
        StringBuilder b = new StringBuilder().append(OPEN).append('c').append(command.name());
        for (Object a : arguments) b.append(ARGUMENT).append(a);
        return b.append(CLOSE).toString();
    }

    /** A reference to {@code setting} for a message. */
    public static String setting(Setting setting) {
        return OPEN + "s" + setting.name() + CLOSE;
    }

    /** {@code text} with every reference written for {@code frontEnd}; a text without references is returned as it is. */
    public static String render(String text, FrontEnd frontEnd) {
        if (text == null || text.indexOf(OPEN) < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf(OPEN, i);
            int close = open < 0 ? -1 : text.indexOf(CLOSE, open);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open).append(reference(text.substring(open + 1, close), frontEnd));
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * The commands and settings {@code text} names, written for {@code frontEnd}, in order and each once: what a
     * message says to run or set (the {@code fix} of an error in {@code --json}). Empty for a text without references.
     */
    public static List<String> names(String text, FrontEnd frontEnd) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (text != null && (i = text.indexOf(OPEN, i)) >= 0) {
            int close = text.indexOf(CLOSE, i);
            if (close < 0) break;
            String name = reference(text.substring(i + 1, close), frontEnd);
            if (!names.contains(name)) names.add(name);
            i = close + 1;
        }
        return names;
    }

    private static String reference(String body, FrontEnd frontEnd) {
        List<String> parts = new ArrayList<>(List.of(body.split(String.valueOf(ARGUMENT), -1)));
        String head = parts.remove(0);
        String name = head.substring(1);
        return head.charAt(0) == 'c' ? Command.valueOf(name).in(frontEnd, parts.toArray()) : Setting.valueOf(name).in(frontEnd);
    }
}
