package io.liteshift.inspect;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.hints.HintBinder;
import io.liteshift.hints.RenameHints;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Sandbox;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.SqlSyntaxException;
import io.liteshift.sql.SqliteErrors;
import io.liteshift.sql.Statement;
import io.liteshift.sql.TableLayout;
import io.liteshift.sql.Token;
import io.liteshift.sql.Utf8Files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A schema declared in SQL: a {@code .sql} file or a directory of them (read in file-name order). It is run
 * into an in-memory SQLite, so SQLite itself validates what the user wrote, and then inspected exactly like
 * a live database. That database is a {@link Sandbox}: it reaches no file. Before anything runs, every statement
 * of every file is classified ({@link Declarations}): only declarations run, everything else is refused with its
 * {@code file:line}. Afterwards the rename hints are bound to their lines ({@link HintBinder}) and every foreign
 * key must point at a declared parent key ({@link io.liteshift.schema.ForeignKeyTargets}).
 *
 * @param source the file or directory it came from
 */
public record DeclaredSchema(Path source, Schema schema, RenameHints hints) {

    public static DeclaredSchema load(Path source) {
        List<Text> texts = files(source).stream().map(f -> new Text(f.toString(), Utf8Files.read(f, f.toString()), FILE)).toList();
        return load(source, source.toString(), texts, true);
    }

    /**
     * Runs SQL that was not read from a file (the DDL a schema declared in Java renders) as a declared schema;
     * {@code origin} names it in messages and {@code fixIn} says where to fix it. The record's {@code source} is null.
     */
    public static DeclaredSchema ofText(String origin, String sql, String fixIn) {
        return load(null, origin, List.of(new Text(origin, sql, fixIn)), true);
    }

    /**
     * The schema a snapshot ({@code meta/NNNN.schema.sql}) states, {@code name} naming it in messages. It runs in
     * the same sandbox under the same statement rules (a tampered snapshot reaches no file either), but its foreign
     * keys are not judged: a migration history may leave one pointing at a dropped table, as SQLite allows.
     */
    public static Schema ofSnapshot(String name, String sql) {
        return load(null, name, List.of(new Text(name, sql, "the migrations (then run `liteshift hash`)")), false).schema();
    }

    private static final String FILE = "the schema file";

    /** One unit of declared SQL, the name its messages use and where the user fixes it. */
    private record Text(String name, String sql, String fixIn) {
    }

    /** A text cut into statements. */
    private record Split(Text text, List<Statement> statements) {
    }

    /** A statement that declares something, and the text it is in. */
    private record Run(Text text, Statement statement) {
    }

    private static DeclaredSchema load(Path source, String label, List<Text> texts, boolean judgeForeignKeys) {
        List<Split> splits = texts.stream().map(DeclaredSchema::split).toList();
        List<Run> runs = classify(splits);
        try (Connection mem = Sandbox.open()) {
            mem.setAutoCommit(false); // one transaction for the whole declaration: a thousand tables load in a blink
            for (Run r : runs) execute(mem, r.text(), r.statement());
            mem.commit();
            HintBinder binder = new HintBinder();
            for (Split s : splits) binder.bind(s.text().name(), s.text().sql(), s.statements());
            Schema schema = Inspector.inspect(mem);
            RenameHints hints = binder.hints();
            requireHintedTablesDeclared(schema, hints);
            if (judgeForeignKeys) DeclaredForeignKeys.require(schema, layouts(splits));
            return new DeclaredSchema(source, schema, hints);
        } catch (SQLException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "cannot read the declared schema " + label + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs SQL text as a declared schema (used by tests and the Java API); messages name it {@value #SQL_TEXT}.
     * The record's {@code source} is null.
     */
    public static DeclaredSchema ofSql(String sql) {
        return ofText(SQL_TEXT, sql, FILE);
    }

    private static final String SQL_TEXT = "(SQL text)";

    private static Split split(Text text) {
        try {
            return new Split(text, Scripts.split(text.sql()));
        } catch (SqlSyntaxException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    text.name() + ":" + e.line() + ": " + e.getMessage() + ". Fix the SQL in " + text.fixIn() + "; nothing was changed.");
        }
    }

    /** Every statement of every text judged before the first one runs; all refusals at once. */
    private static List<Run> classify(List<Split> splits) {
        Declarations rules = new Declarations();
        List<Run> runs = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String fixIn = null;
        for (Split split : splits) {
            for (Statement s : split.statements()) {
                String where = split.text().name() + ":" + s.line();
                Declarations.Verdict v = rules.classify(s, where);
                if (v instanceof Declarations.Declare) runs.add(new Run(split.text(), s));
                if (v instanceof Declarations.Refuse r) {
                    int line = r.line() == 0 ? s.line() : r.line();
                    refused.add(split.text().name() + ":" + line + ": " + r.why() + ".\n    " + lineOf(s, line));
                    fixIn = split.text().fixIn();
                }
            }
        }
        if (refused.isEmpty()) return runs;
        int shown = Math.min(refused.size(), MAX_REFUSALS_SHOWN);
        throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, String.join("\n", refused.subList(0, shown))
                + (refused.size() > shown ? "\n(and " + (refused.size() - shown) + " more statements like these)" : "")
                + "\nA declared schema may contain only CREATE TABLE, INDEX, VIEW, TRIGGER and VIRTUAL TABLE statements,"
                + " comments and rename hints; none of it was run. Fix the statements in " + fixIn + "; nothing was changed.");
    }

    private static final int MAX_REFUSALS_SHOWN = 10;

    /** The text of the statement on {@code line}, as the user wrote it (cut when very long), with "..." when it goes on. */
    private static String lineOf(Statement s, int line) {
        List<String> lines = s.sql().lines().toList();
        String text = lines.get(Math.min(lines.size() - 1, line - s.line())).strip();
        if (text.length() > 200) text = text.substring(0, 200) + " ...";
        return line - s.line() < lines.size() - 1 ? text + " ..." : text;
    }

    /** Every CREATE TABLE's layout, by folded table name, with the file it is in. */
    private static Map<String, DeclaredForeignKeys.Located> layouts(List<Split> splits) {
        Map<String, DeclaredForeignKeys.Located> out = new HashMap<>();
        for (Split split : splits) {
            for (Statement s : split.statements()) {
                TableLayout.of(s).ifPresent(t -> out.putIfAbsent(Identifiers.fold(t.table()),
                        new DeclaredForeignKeys.Located(split.text().name(), s.line(), t)));
            }
        }
        return out;
    }

    /** A hint bound to a table the declared schema does not hold (one liteshift ignores) would be lost: refused. */
    private static void requireHintedTablesDeclared(Schema schema, RenameHints hints) {
        hints.origins().forEach((subject, origin) -> {
            if (schema.table(subject.table()).isPresent()) return;
            String what = subject.column() == null ? "table " + subject.table() : "column " + subject.table() + "." + subject.column();
            String from = subject.column() == null ? hints.tableRenamedFrom(subject.table()).orElse("?")
                    : hints.columnRenamedFrom(subject.table(), subject.column()).orElse("?");
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, RenameHints.unusable(origin, what, from,
                    "the declared schema has no table " + subject.table() + (Inspector.isIgnored(subject.table())
                            ? " (liteshift ignores tables named sqlite_..., liteshift_..., _liteshift... and _litestream_...,"
                            + " so it never creates one)" : "") + ". Move the hint to a table it manages, or delete it")
                    + " Nothing was changed.");
        });
    }

    private static void execute(Connection mem, Text source, Statement s) {
        try {
            Sandbox.run(mem, s.sql());
        } catch (SQLException e) {
            String why = SqliteErrors.message(e);
            int line = errorLine(mem, s, why);
            // a rendered text has no file to open: show the whole statement (SQLite rarely says where in it)
            String text = source.fixIn().equals(FILE) ? s.sql().lines().skip(line - s.line()).findFirst().orElse("").strip()
                    : s.sql().strip().replace("\n", "\n    ");
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    source.name() + ":" + line + ": SQLite rejected this statement: " + why + "\n    " + text
                            + "\nFix the statement in " + source.fixIn() + "; nothing was changed.");
        }
    }

    /**
     * The line SQLite's message points at ('near "x"'). The token may occur several times; the offending one is
     * the first whose statement prefix, cut right after it, already fails near it (earlier cuts are merely
     * incomplete).
     */
    private static int errorLine(Connection mem, Statement s, String why) {
        Matcher m = Pattern.compile("near \"(.*?)\": ").matcher(why);
        if (!m.find()) return s.line();
        int base = s.tokens().get(0).start();
        Token first = null;
        for (Token t : s.tokens()) {
            if (t.isTrivia() || !t.text().equals(m.group(1))) continue;
            if (first == null) first = t;
            String prefix = s.sql().substring(0, t.end() - base);
            try (PreparedStatement ps = mem.prepareStatement(prefix)) {
                // prepared: this occurrence is fine so far
            } catch (SQLException e) {
                if (SqliteErrors.message(e).contains("near \"" + m.group(1) + "\"")) return t.line();
            }
        }
        return first != null ? first.line() : s.line();
    }

    private static List<Path> files(Path source) {
        if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.list(source)) {
                List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList());
                if (out.isEmpty()) {
                    throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                            "the schema directory " + source + " holds no .sql files");
                }
                return out;
            } catch (IOException e) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot list " + source + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(source)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the schema file " + source.toAbsolutePath() + " does not exist. Check " + Fix.setting(Fix.Setting.SCHEMA)
                            + ", or run `" + Fix.command(Fix.Command.INIT) + "`, which writes an example.");
        }
        return List.of(source);
    }
}
