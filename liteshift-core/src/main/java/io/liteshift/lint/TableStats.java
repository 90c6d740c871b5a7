package io.liteshift.lint;

import io.liteshift.sqlite.TableSizes;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The row count and on-disk size of the database's tables, each measured once per lint or push run: the data checks,
 * the rebuild estimate and every CREATE INDEX on the same table ask again, and a count or a {@code dbstat} scan reads
 * the whole table. The database is only read meanwhile.
 */
final class TableStats {
    private final Connection db;
    private final Map<String, Long> rows = new HashMap<>();
    private final Map<String, Long> bytes = new HashMap<>();

    TableStats(Connection db) {
        this.db = db;
    }

    Connection db() {
        return db;
    }

    /** {@code count(*)} of the table. */
    long rows(String table) throws SQLException {
        String key = Identifiers.fold(table);
        Long n = rows.get(key);
        if (n == null) {
            n = Rows.count(db, "SELECT count(*) FROM " + Identifiers.quote(table));
            rows.put(key, n);
        }
        return n;
    }

    /** The bytes of the table and its indexes; without dbstat, the whole file as an upper bound. */
    long bytes(String table) throws SQLException {
        String key = Identifiers.fold(table);
        Long n = bytes.get(key);
        if (n == null) {
            OptionalLong measured = TableSizes.bytes(db, table);
            n = measured.isPresent() ? measured.getAsLong()
                    : Rows.count(db, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
            bytes.put(key, n);
        }
        return n;
    }
}
