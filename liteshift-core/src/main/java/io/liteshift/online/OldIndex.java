package io.liteshift.online;

import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An index of the old table as the WITHOUT ROWID table of its records, which the swap makes it so that the drain can
 * delete its entries in key order. An index's records are its key's values and then the rowid, ordered by the key's
 * collations and directions and then the rowid; a WITHOUT ROWID table whose columns are those values and whose primary
 * key is all of them, with the same collations and directions, is stored as the same b-tree. Its columns have no type,
 * so no affinity changes a value the drain reads and deletes again.
 */
final class OldIndex {
    static final String PREFIX = "_liteshift_oldix_";
    /** Stands for the table's name in {@link #tableSql}. */
    static final String NAME = "\u0000name\u0000";

    private OldIndex() {
    }

    /** The CREATE TABLE text for the index {@code index}, with {@link #NAME} where the table's name goes. */
    static String tableSql(Connection c, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> key = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT \"desc\", coll FROM pragma_index_xinfo(?1) WHERE key ORDER BY seqno")) {
            p.setString(1, index);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    // the collation on the column, not the key term: the drain's IN then compares as the key orders
                    String name = "k" + columns.size();
                    columns.add(name + " COLLATE " + Identifiers.quote(rs.getString(2)));
                    key.add(name + (rs.getInt(1) != 0 ? " DESC" : ""));
                }
            }
        }
        if (columns.isEmpty()) throw new SQLException("the index " + index + " has no key columns in pragma_index_xinfo");
        return "CREATE TABLE " + NAME + " (" + String.join(", ", columns) + ", rid, PRIMARY KEY (" + String.join(", ", key) + ", rid))"
                + " WITHOUT ROWID";
    }
}
