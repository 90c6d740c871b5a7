package io.liteshift.inspect;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ColumnClauses;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.PrimaryKey;
import io.liteshift.schema.Table;
import io.liteshift.schema.UniqueConstraint;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a stored CREATE TABLE statement into the model: what PRAGMAs do not tell (CHECKs, collations,
 * AUTOINCREMENT, generated expressions, constraint names, deferral) comes from here.
 * <p>
 * It reads SQLite's whole grammar (https://sqlite.org/lang_createtable.html, and parse.y where the diagrams are
 * looser than the parser), not only the forms liteshift writes: column constraints in any order, table
 * constraints with or without commas between them, {@code CONSTRAINT name} wherever it may stand, ON CONFLICT,
 * {@code ON INSERT} actions, a deferral clause standing on its own, {@code PRIMARY KEY (id AUTOINCREMENT)}, type
 * names of several words, strings and two numbers. The text it reads has been accepted by SQLite already, so
 * it is lenient where SQLite is strict. Expressions are kept without their comments and on one line, so that they
 * can be re-used inside other SQL (a kept {@code -- comment} would swallow the text after it) and in messages.
 */
public final class CreateTableParser {

    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of(
            "constraint", "primary", "not", "null", "unique", "check", "default", "collate", "references",
            "generated", "as", "deferrable");
    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("constraint", "primary", "unique", "check", "foreign");

    private final TokenCursor in;
    private final List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    /**
     * The last {@code CONSTRAINT name}. As in SQLite, it names every constraint after it until the next column
     * or the next comma between table constraints (not the comma that ends the column list).
     */
    private String constraintName;

    private CreateTableParser(String sql) {
        this.in = new TokenCursor(sql);
    }

    public static Table parse(String sql) {
        return new CreateTableParser(sql).table();
    }

    private Table table() {
        in.expect("create");
        if (!in.accept("temp")) in.accept("temporary");
        in.expect("table");
        String name = in.objectName();
        if (in.accept("as")) {
            throw in.error("CREATE TABLE ... AS SELECT is not supported in a declared schema; declare the columns");
        }
        in.expect("(");
        column();
        while (in.accept(",")) {
            if (startsTableConstraint()) break;
            column();
        }
        // table constraints: a comma between two of them is optional (drizzle-kit writes none)
        while (!in.atEnd() && !in.peek().isPunct(")")) {
            if (in.accept(",")) constraintName = null;
            tableConstraint();
        }
        in.expect(")");
        boolean withoutRowid = false;
        boolean strict = false;
        while (!in.atEnd()) {
            if (in.accept("without")) {
                in.expect("rowid");
                withoutRowid = true;
            } else if (in.accept("strict")) {
                strict = true;
            } else if (!in.accept(",")) {
                throw in.error("unexpected " + in.peek().text() + " after the column list");
            }
        }
        return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, withoutRowid, strict, in.sql);
    }

    private boolean startsTableConstraint() {
        Token t = in.peek();
        return t != null && t.kind() == Token.Kind.WORD && TABLE_CONSTRAINT_START.contains(lower(t));
    }

    private void column() {
        constraintName = null;
        Token start = in.next();
        String name = start.identifier();
        String type = typeName();
        boolean notNull = false;
        String dflt = null;
        String collation = null;
        Column.Generated generated = null;
        boolean primary = false;
        int uniquesBefore = uniques.size();
        int checksBefore = checks.size();
        int foreignKeysBefore = foreignKeys.size();
        while (!in.atEnd() && !in.peek().isPunct(",") && !in.peek().isPunct(")")) {
            if (in.accept("constraint")) {
                constraintName = in.next().identifier();
            } else if (in.accept("primary")) {
                in.expect("key");
                boolean desc = sortOrder();
                conflictClause();
                boolean auto = in.accept("autoincrement");
                primaryKey = new PrimaryKey(constraintName, List.of(new IndexedColumn(name, true, null, desc)), auto);
                primary = true;
            } else if (in.accept("not")) {
                if (in.peek() != null && in.peek().is("deferrable")) {
                    deferral(in.last());
                } else {
                    in.expect("null");
                    conflictClause();
                    notNull = true;
                }
            } else if (in.accept("null")) {
                conflictClause();
            } else if (in.accept("unique")) {
                conflictClause();
                uniques.add(new UniqueConstraint(constraintName, List.of(IndexedColumn.column(name))));
            } else if (in.accept("check")) {
                checks.add(new CheckConstraint(constraintName, in.parenthesized()));
            } else if (in.accept("default")) {
                dflt = defaultValue();
            } else if (in.accept("collate")) {
                collation = in.next().identifier();
            } else if (in.accept("references")) {
                foreignKeys.add(foreignKeyClause(constraintName, List.of(name)));
            } else if (in.peek().is("deferrable")) {
                deferral(in.next());
            } else if (in.peek().is("generated") || in.peek().is("as")) {
                if (in.accept("generated")) in.expect("always");
                in.expect("as");
                String expr = in.parenthesized();
                boolean stored = in.accept("stored");
                if (!stored) in.accept("virtual");
                generated = new Column.Generated(expr, stored);
            } else {
                throw in.error("unexpected " + in.peek().text() + " in the definition of column " + name);
            }
        }
        ColumnClauses clauses = new ColumnClauses(dflt, primary, uniques.size() > uniquesBefore,
                checks.subList(checksBefore, checks.size()), foreignKeys.subList(foreignKeysBefore, foreignKeys.size()));
        columns.add(new Column(name, type, notNull, dflt, collation, generated, in.textSince(start), clauses));
    }

    /** {@code typename [( signed [, signed] )]}: names and strings up to the first constraint keyword. */
    private String typeName() {
        StringBuilder sb = new StringBuilder();
        while (!in.atEnd() && isTypeWord(in.peek())) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(in.next().identifier());
        }
        if (!sb.isEmpty() && in.peek() != null && in.peek().isPunct("(")) {
            sb.append('(').append(in.parenthesized().replaceAll("\\s+", "")).append(')');
        }
        return sb.toString();
    }

    private static boolean isTypeWord(Token t) {
        if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.QUOTED) return true;
        return t.kind() == Token.Kind.WORD && !COLUMN_CONSTRAINT_START.contains(lower(t));
    }

    /** {@code DEFAULT} followed by a literal, a signed number, a bare word (a string to SQLite) or {@code (expr)}. */
    private String defaultValue() {
        Token first = in.peek();
        if (first.isPunct("(")) {
            in.parenthesized();
            return in.expressionSince(first);
        }
        in.next();
        if (first.isPunct("+") || first.isPunct("-")) in.next();
        return in.expressionSince(first);
    }

    /** A deferral clause standing on its own applies, as in SQLite, to the foreign key declared last. */
    private void deferral(Token from) {
        String clause = deferrable(from);
        if (foreignKeys.isEmpty()) return;
        ForeignKey f = foreignKeys.remove(foreignKeys.size() - 1);
        foreignKeys.add(new ForeignKey(f.name(), f.columns(), f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate(),
                f.match(), clause));
    }

    private void tableConstraint() {
        if (in.accept("constraint")) {
            constraintName = in.next().identifier();
        } else if (in.accept("primary")) {
            in.expect("key");
            in.expect("(");
            List<IndexedColumn> cols = new ArrayList<>();
            do {
                cols.add(IndexedColumns.read(in));
            } while (in.accept(","));
            boolean auto = in.accept("autoincrement"); // SQLite's grammar puts it inside the parentheses here
            in.expect(")");
            conflictClause();
            primaryKey = new PrimaryKey(constraintName, cols, auto);
        } else if (in.accept("unique")) {
            uniques.add(new UniqueConstraint(constraintName, IndexedColumns.readList(in)));
            conflictClause();
        } else if (in.accept("check")) {
            checks.add(new CheckConstraint(constraintName, in.parenthesized()));
            conflictClause();
        } else if (in.accept("foreign")) {
            in.expect("key");
            List<String> cols = nameList();
            in.expect("references");
            foreignKeys.add(foreignKeyClause(constraintName, cols));
        } else {
            throw in.error("unexpected " + (in.atEnd() ? "end" : in.peek().text()) + " in a table constraint");
        }
    }

    private List<String> nameList() {
        in.expect("(");
        List<String> out = new ArrayList<>();
        do {
            out.add(in.next().identifier());
        } while (in.accept(","));
        in.expect(")");
        return out;
    }

    /** {@code REFERENCES} onwards: the parent, its columns, ON DELETE/UPDATE/INSERT, MATCH and the deferral. */
    private ForeignKey foreignKeyClause(String name, List<String> cols) {
        String refTable = in.next().identifier();
        List<String> refColumns = in.peek() != null && in.peek().isPunct("(") ? nameList() : List.of();
        String onDelete = null;
        String onUpdate = null;
        String match = null;
        String deferrable = null;
        while (!in.atEnd()) {
            if (in.peek().is("on") && in.peek(1) != null && !in.peek(1).is("conflict")) {
                in.next();
                Token event = in.next();
                String action = action();
                if (event.is("delete")) onDelete = action;
                else if (event.is("update")) onUpdate = action;
                else if (!event.is("insert")) throw in.error("expected DELETE, UPDATE or INSERT after ON but found " + event.text());
            } else if (in.accept("match")) {
                match = in.next().identifier().toUpperCase(Locale.ROOT);
            } else if (in.peek().is("not") && in.peek(1) != null && in.peek(1).is("deferrable") || in.peek().is("deferrable")) {
                deferrable = deferrable(in.next());
            } else {
                break;
            }
        }
        return new ForeignKey(name, cols, refTable, refColumns, onDelete, onUpdate, match, deferrable);
    }

    /** {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]}, {@code from} (NOT or DEFERRABLE) consumed already. */
    private String deferrable(Token from) {
        if (from.is("not")) in.expect("deferrable");
        if (in.accept("initially")) {
            if (!in.accept("deferred")) in.expect("immediate");
        }
        return in.textSince(from).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private String action() {
        if (in.accept("cascade")) return "CASCADE";
        if (in.accept("restrict")) return "RESTRICT";
        if (in.accept("set")) {
            if (in.accept("null")) return "SET NULL";
            in.expect("default");
            return "SET DEFAULT";
        }
        in.expect("no");
        in.expect("action");
        return "NO ACTION";
    }

    private boolean sortOrder() {
        if (in.accept("desc")) return true;
        in.accept("asc");
        return false;
    }

    private void conflictClause() {
        if (in.peek() != null && in.peek().is("on") && in.peek(1) != null && in.peek(1).is("conflict")) {
            in.next();
            in.next();
            in.next();
        }
    }

    private static String lower(Token t) {
        return t.text().toLowerCase(Locale.ROOT);
    }
}
