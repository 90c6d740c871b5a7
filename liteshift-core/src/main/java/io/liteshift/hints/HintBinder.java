package io.liteshift.hints;

import io.liteshift.LiteShiftException;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.Statement;
import io.liteshift.sql.TableLayout;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds each {@code @renamed from=old} comment of a declared schema to what stands on its line, whatever else the
 * line holds (the closing {@code );} of a table as {@code sqlite3 .schema} prints a column added by ADD COLUMN,
 * another statement, CRLF): the one column definition on that line; on a line without one, the table whose
 * {@code CREATE TABLE} head is on that line or starts on the next. A line with several column definitions (or
 * several tables) is ambiguous, and a hint that binds to nothing is misplaced: both are errors naming the line,
 * so that no hint is ever dropped silently.
 */
public final class HintBinder {
    private static final Pattern HINT = Pattern.compile("@renamed\\s+from\\s*=\\s*(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^\\]]*]|[^\\s*]+)");

    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, Map<String, String>> columns = new HashMap<>();
    private final Map<RenameHints.Subject, RenameHints.Origin> origins = new HashMap<>();

    private record ColumnOf(String table, String column) {
    }

    /** What can take a hint on one line: column definitions, and tables (heads on the line, or starting below it). */
    private record Line(List<ColumnOf> columns, List<String> heads, List<String> startingBelow) {
        Line() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Binds the hints of one file (or text) {@code file}, whose statements are {@code statements}. */
    public void bind(String file, String sql, List<Statement> statements) {
        if (!sql.contains("@renamed")) return;
        Map<Integer, Line> lines = new HashMap<>();
        for (Statement s : statements) {
            TableLayout.of(s).ifPresent(t -> {
                t.headLines().forEach(l -> lines.computeIfAbsent(l, k -> new Line()).heads().add(t.table()));
                lines.computeIfAbsent(s.line() - 1, k -> new Line()).startingBelow().add(t.table());
                t.columns().forEach(c -> c.lines().forEach(l ->
                        lines.computeIfAbsent(l, k -> new Line()).columns().add(new ColumnOf(t.table(), c.name()))));
            });
        }
        for (Token t : Lexer.tokenize(sql)) {
            if (t.kind() != Token.Kind.COMMENT || !t.text().contains("@renamed")) continue;
            int at = t.text().indexOf("@renamed");
            int line = t.line() + (int) t.text().substring(0, at).chars().filter(c -> c == '\n').count();
            RenameHints.Origin origin = new RenameHints.Origin(file, line, t.text().strip());
            Matcher m = HINT.matcher(t.text().substring(at));
            if (!m.find()) throw misplaced(origin, "write the hint as: -- @renamed from=old_name");
            bind(origin, Identifiers.unquote(m.group(1)), lines.getOrDefault(line, new Line()));
        }
    }

    private void bind(RenameHints.Origin origin, String from, Line line) {
        if (line.columns().size() == 1) {
            ColumnOf c = line.columns().get(0);
            record(origin, RenameHints.Subject.column(c.table(), c.column()), "column " + c.table() + "." + c.column());
            columns.computeIfAbsent(Identifiers.fold(c.table()), k -> new HashMap<>()).put(Identifiers.fold(c.column()), from);
            return;
        }
        if (line.columns().size() > 1) {
            throw misplaced(origin, "its line holds several column definitions (" + String.join(", ",
                    line.columns().stream().map(ColumnOf::column).toList()) + "), so it could be for any of them. Put the renamed"
                    + " column on a line of its own, with the hint at the end of that line");
        }
        List<String> tablesHere = !line.heads().isEmpty() ? line.heads() : line.startingBelow();
        if (tablesHere.size() > 1) {
            throw misplaced(origin, "it stands by several CREATE TABLE statements (" + String.join(", ", tablesHere)
                    + "), so it could be for any of them. Put each CREATE TABLE on lines of its own");
        }
        if (tablesHere.isEmpty()) {
            throw misplaced(origin, "it stands on no column's line and not directly above a CREATE TABLE. A column hint"
                    + " goes at the end of the column's line, a table hint on the line directly above its CREATE TABLE");
        }
        record(origin, RenameHints.Subject.table(tablesHere.get(0)), "table " + tablesHere.get(0));
        tables.put(Identifiers.fold(tablesHere.get(0)), from);
    }

    private void record(RenameHints.Origin origin, RenameHints.Subject subject, String what) {
        RenameHints.Origin first = origins.putIfAbsent(subject, origin);
        if (first != null) {
            throw misplaced(origin, "it is a second rename hint for " + what + " (the first is at " + first.at()
                    + "). Keep one");
        }
    }

    public RenameHints hints() {
        return new RenameHints(tables, columns, origins);
    }

    private static LiteShiftException misplaced(RenameHints.Origin origin, String why) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                origin.at() + ": cannot use the rename hint '" + origin.text() + "': " + why + ". Nothing was changed.");
    }
}
