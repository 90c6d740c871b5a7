package io.liteshift.inspect;

import io.liteshift.schema.Index;
import io.liteshift.schema.IndexedColumn;

import java.util.List;

/** Reads a stored CREATE INDEX statement (https://sqlite.org/lang_createindex.html). */
final class CreateIndexParser {
    private CreateIndexParser() {
    }

    static Index parse(String sql) {
        TokenCursor in = new TokenCursor(sql);
        in.expect("create");
        boolean unique = in.accept("unique");
        in.expect("index");
        String name = in.objectName();
        in.expect("on");
        String table = in.next().identifier();
        List<IndexedColumn> keys = IndexedColumns.readList(in);
        String where = null;
        if (in.accept("where")) {
            var from = in.peek();
            while (!in.atEnd()) in.next();
            where = in.expressionSince(from);
        }
        return new Index(name, table, unique, keys, where, sql);
    }
}
