package io.liteshift.hints;

import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The swaps a database has been through ({@code liteshift_renames}). Renaming x to y while y exists is only told
 * apart from a hint that was already applied by this record.
 */
public final class RenameRecords {
    public static final String TABLE = "liteshift_renames";
    public static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
            + " table_name TEXT NOT NULL, old_name TEXT NOT NULL, new_name TEXT NOT NULL,"
            + " applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)";

    private RenameRecords() {
    }

    public static String row(String kind, String table, String oldName, String newName) {
        return "(" + Identifiers.literal(kind) + ", " + Identifiers.literal(table) + ", " + Identifiers.literal(oldName) + ", "
                + Identifiers.literal(newName) + ")";
    }

    /** The statements that add {@code rows} ({@link #row}), creating the records the first time. */
    public static List<String> recording(List<String> rows) {
        return List.of(CREATE, "INSERT INTO " + TABLE + " (kind, table_name, old_name, new_name) VALUES " + String.join(", ", rows));
    }

    /** {@code hints} without those whose latest record says they were applied already. */
    public static RenameHints withoutApplied(Connection db, RenameHints hints) throws SQLException {
        Map<String, String> lastTable = new HashMap<>();
        Map<String, String> lastColumn = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet exists = s.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = '" + TABLE + "'")) {
            if (!exists.next()) return hints;
        }
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT kind, table_name, old_name, new_name FROM " + TABLE + " ORDER BY id")) {
            while (rs.next()) {
                String newName = Identifiers.fold(rs.getString(4));
                if (rs.getString(1).equals("table")) lastTable.put(newName, Identifiers.fold(rs.getString(3)));
                else lastColumn.put(Identifiers.fold(rs.getString(2)) + "." + newName, Identifiers.fold(rs.getString(3)));
            }
        }
        Map<String, String> tables = new HashMap<>(hints.tables());
        tables.entrySet().removeIf(e -> Identifiers.fold(e.getValue()).equals(lastTable.get(e.getKey())));
        Map<String, Map<String, String>> columns = new HashMap<>();
        hints.columns().forEach((table, cols) -> {
            Map<String, String> kept = new HashMap<>(cols);
            kept.entrySet().removeIf(e -> Identifiers.fold(e.getValue()).equals(lastColumn.get(table + "." + e.getKey())));
            columns.put(table, kept);
        });
        return hints.keeping(tables, columns);
    }
}
