package io.liteshift.inspect;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
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
 * Follows the grammar at https://sqlite.org/lang_createtable.html.
 */
public final class CreateTableParser {

    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of(
            "constraint", "primary", "not", "null", "unique", "check", "default", "collate", "references",
            "generated", "as");
    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("constraint", "primary", "unique", "check", "foreign");

    private final TokenCursor in;
    private final List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

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
        do {
            Token first = in.peek();
            if (first != null && first.kind() == Token.Kind.WORD && TABLE_CONSTRAINT_START.contains(lower(first))) {
                tableConstraint();
            } else {
                column();
            }
        } while (in.accept(","));
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

    private void column() {
        Token start = in.next();
        String name = start.identifier();
        String type = typeName();
        boolean notNull = false;
        String dflt = null;
        String collation = null;
        Column.Generated generated = null;
        while (!in.atEnd() && !in.peek().isPunct(",") && !in.peek().isPunct(")")) {
            String constraintName = in.accept("constraint") ? in.next().identifier() : null;
            if (in.accept("primary")) {
                in.expect("key");
                boolean desc = in.accept("desc");
                if (!desc) in.accept("asc");
                conflictClause();
                boolean auto = in.accept("autoincrement");
                primaryKey = new PrimaryKey(constraintName, List.of(new IndexedColumn(name, true, null, desc)), auto);
            } else if (in.accept("not")) {
                in.expect("null");
                conflictClause();
                notNull = true;
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
        columns.add(new Column(name, type, notNull, dflt, collation, generated, in.textSince(start)));
    }

    private String typeName() {
        Token first = in.peek();
        if (first == null || !first.isIdentifier() || isConstraintWord(first)) return "";
        StringBuilder sb = new StringBuilder();
        while (!in.atEnd() && in.peek().isIdentifier() && !isConstraintWord(in.peek())) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(in.next().text());
        }
        if (in.peek() != null && in.peek().isPunct("(")) {
            sb.append('(').append(in.parenthesized().replaceAll("\\s+", "")).append(')');
        }
        return sb.toString();
    }

    private static boolean isConstraintWord(Token t) {
        return t.kind() == Token.Kind.WORD && COLUMN_CONSTRAINT_START.contains(lower(t));
    }

    private String defaultValue() {
        Token t = in.peek();
        if (t.isPunct("(")) {
            Token open = t;
            in.parenthesized();
            return in.textSince(open);
        }
        Token first = in.next();
        if (first.isPunct("+") || first.isPunct("-")) {
            in.next();
            return in.textSince(first);
        }
        return first.text();
    }

    private void tableConstraint() {
        String constraintName = in.accept("constraint") ? in.next().identifier() : null;
        if (in.accept("primary")) {
            in.expect("key");
            List<IndexedColumn> cols = indexedColumns();
            conflictClause();
            boolean auto = in.accept("autoincrement"); // not valid SQLite, but harmless to read
            primaryKey = new PrimaryKey(constraintName, cols, auto);
        } else if (in.accept("unique")) {
            uniques.add(new UniqueConstraint(constraintName, indexedColumns()));
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
            throw in.error("unexpected " + in.peek().text() + " in a table constraint");
        }
    }

    private List<IndexedColumn> indexedColumns() {
        return IndexedColumns.readList(in);
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

    private ForeignKey foreignKeyClause(String constraintName, List<String> columns) {
        String refTable = in.next().identifier();
        List<String> refColumns = in.peek() != null && in.peek().isPunct("(") ? nameList() : List.of();
        String onDelete = null;
        String onUpdate = null;
        String match = null;
        String deferrable = null;
        while (!in.atEnd()) {
            if (in.accept("on")) {
                boolean delete = in.accept("delete");
                if (!delete) in.expect("update");
                String action = action();
                if (delete) onDelete = action;
                else onUpdate = action;
            } else if (in.accept("match")) {
                match = in.next().text().toUpperCase(Locale.ROOT);
            } else if (in.peek().is("not") && in.peek(1) != null && in.peek(1).is("deferrable")
                    || in.peek().is("deferrable")) {
                Token from = in.peek();
                if (in.accept("not")) in.expect("deferrable");
                else in.expect("deferrable");
                if (in.accept("initially")) {
                    if (!in.accept("deferred")) in.expect("immediate");
                }
                deferrable = in.textSince(from).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            } else {
                break;
            }
        }
        return new ForeignKey(constraintName, columns, refTable, refColumns, onDelete, onUpdate, match, deferrable);
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
