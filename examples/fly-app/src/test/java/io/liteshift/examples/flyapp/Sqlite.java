package io.liteshift.examples.flyapp;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a database file the way a person with the sqlite3 shell would, to check what the application left. */
final class Sqlite {
    private Sqlite() {
    }

    /** Every row of {@code sql}, each as its columns' values joined with '|'. */
    static List<String> rows(Path db, String sql) throws SQLException {
        // read-write on purpose: as the last connection it removes the -wal and -shm files it opened, which a
        // read-only one cannot, and which would then belong to this test's user rather than the application's
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
                rows.add(row.toString());
            }
            return rows;
        }
    }

    static String value(Path db, String sql) throws SQLException {
        List<String> rows = rows(db, sql);
        if (rows.size() != 1) throw new AssertionError(sql + " gave " + rows.size() + " rows: " + rows);
        return rows.get(0);
    }

    /** The names of {@code table}'s columns, in order. */
    static List<String> columns(Path db, String table) throws SQLException {
        return rows(db, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
    }
}
