package io.liteshift.online;

import io.liteshift.schema.IndexedColumn;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An index of the old table as the WITHOUT ROWID table of its records, which the swap makes it so that the drain can
 * delete its entries in key order. An index's records are its key's values and then the rowid, ordered by the key's
 * collations and directions and then the rowid; a WITHOUT ROWID table whose columns are those values and whose primary
 * key is all of them, with the same collations and directions, is stored as the same b-tree. Its columns have no type,
 * so no affinity changes a value the drain reads and deletes again.
 * <p>
 * Only an index that holds no NULL key is turned into a table: a WITHOUT ROWID key is NOT NULL, and
 * {@code PRAGMA integrity_check} would report every NULL in it while the drain runs. So each key column must be NOT NULL
 * in the table, except the first, which the index itself shows has no NULL (a probe of its first entries). The
 * others stay on the old table and go with its rows.
 */
final class OldIndex {
    static final String PREFIX = "_liteshift_oldix_";
    /** Stands for the table's name in {@link #tableSql}. */
    static final String NAME = "\u0000name\u0000";

    private OldIndex() {
    }

    /**
     * The CREATE TABLE text for the index {@code index} of {@code table}, with {@link #NAME} where the table's name
     * goes; empty when the index may hold a NULL key. {@code first}: the index's first key as declared, if known.
     */
    static Optional<String> tableSql(Connection c, String table, String index, Optional<IndexedColumn> first) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> key = new ArrayList<>();
        boolean firstMayBeNull = false;
        try (PreparedStatement p = c.prepareStatement("SELECT x.\"desc\", x.coll, coalesce(t.\"notnull\", 0) FROM pragma_index_xinfo(?1) x"
                + " LEFT JOIN pragma_table_info(?2) t ON t.cid = x.cid AND x.cid >= 0 WHERE x.key ORDER BY x.seqno")) {
            p.setString(1, index);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    boolean nullable = rs.getInt(3) == 0; // an expression has no NOT NULL
                    if (nullable && !columns.isEmpty()) return Optional.empty();
                    if (columns.isEmpty()) firstMayBeNull = nullable;
                    // the collation on the column, not the key term: the drain's IN then compares as the key orders
                    String name = "k" + columns.size();
                    columns.add(name + " COLLATE " + Identifiers.quote(rs.getString(2)));
                    key.add(name + (rs.getInt(1) != 0 ? " DESC" : ""));
                }
            }
        }
        if (columns.isEmpty()) throw new SQLException("the index " + index + " has no key columns in pragma_index_xinfo");
        if (firstMayBeNull && holdsNullFirst(c, table, index, first)) return Optional.empty();
        return Optional.of("CREATE TABLE " + NAME + " (" + String.join(", ", columns) + ", rid, PRIMARY KEY (" + String.join(", ", key) + ", rid))"
                + " WITHOUT ROWID");
    }

    /**
     * NULL sorts first in an ascending key and last in a descending one, so the index's first or last entry says whether
     * any key starts with NULL; SQLite reads it through the index (its key, not the table's rows).
     */
    private static boolean holdsNullFirst(Connection c, String table, String index, Optional<IndexedColumn> first) throws SQLException {
        if (first.isEmpty()) return true;
        IndexedColumn k = first.get();
        String expr = k.isColumn() ? Identifiers.quote(k.expression()) : "(" + k.expression() + ")";
        try {
            return Sql.one(c, "SELECT 1 FROM " + Identifiers.quote(table) + " INDEXED BY " + Identifiers.quote(index) + " WHERE " + expr
                    + " IS NULL LIMIT 1") != null;
        } catch (SQLException e) {
            return true; // SQLite cannot read that through the index ("no query solution"): keep it with the table
        }
    }

}
