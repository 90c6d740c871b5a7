package io.liteshift.inspect;

import io.liteshift.schema.IndexedColumn;
import io.liteshift.sql.Token;

import java.util.ArrayList;
import java.util.List;

/** Reads one indexed-column (https://sqlite.org/syntax/indexed-column.html) from a cursor. */
final class IndexedColumns {
    private IndexedColumns() {
    }

    /** {@code ( indexed-column, ... )}: the key list of an index, a PRIMARY KEY or a UNIQUE. */
    static List<IndexedColumn> readList(TokenCursor in) {
        in.expect("(");
        List<IndexedColumn> out = new ArrayList<>();
        do {
            out.add(read(in));
        } while (in.accept(","));
        in.expect(")");
        return out;
    }

    static IndexedColumn read(TokenCursor in) {
        Token start = in.peek();
        int depth = 0;
        // Consume the expression up to COLLATE / ASC / DESC / NULLS / AUTOINCREMENT (a table PRIMARY KEY's) / , / ) at depth 0.
        while (true) {
            Token t = in.peek();
            if (t == null) throw in.error("unexpected end in an index column list");
            if (depth == 0 && (t.isPunct(",") || t.isPunct(")") || t.is("collate") || t.is("asc") || t.is("desc")
                    || t.is("nulls") || t.is("autoincrement"))) {
                break;
            }
            if (t.isPunct("(")) depth++;
            if (t.isPunct(")")) depth--;
            in.next();
        }
        String exprText = in.expressionSince(start);
        boolean single = in.last() == start && start.isIdentifier();
        String collation = null;
        if (in.accept("collate")) collation = in.next().identifier();
        boolean desc = in.accept("desc");
        if (!desc) in.accept("asc");
        if (in.accept("nulls") && !in.accept("first")) in.expect("last"); // SQLite refuses it in an index anyway
        return new IndexedColumn(single ? start.identifier() : exprText, single, collation, desc);
    }
}
