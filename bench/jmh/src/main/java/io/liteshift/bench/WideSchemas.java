package io.liteshift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Two large, realistic declared schemas of the same size for the diff benchmark. Every table has seven columns
 * (a foreign key to the previous table, NOT NULL, UNIQUE, DEFAULT, CHECK) and two indexes; every 50th table also
 * has a view and a trigger. The target differs from the source on about 40% of the tables, in ways that need
 * both native ALTERs and rebuilds, and swaps its last ten tables for ten new ones, so the diff and the plan have
 * real work to do.
 */
final class WideSchemas {
    static final int DEFAULT_TABLES = 1000;
    private static final int SWAPPED = 10;

    private WideSchemas() {
    }

    /** The schema a database starts from. */
    static String source(int tables) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables; i++) table(sql, i, false);
        return sql.toString();
    }

    /** The declared schema the source is diffed against: same table count, many differences. */
    static String target(int tables) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables - SWAPPED; i++) table(sql, i, true);
        for (int i = 0; i < SWAPPED; i++) {
            sql.append("CREATE TABLE added_").append(i).append(" (id INTEGER PRIMARY KEY, t0_id INTEGER REFERENCES t0 (id),")
                    .append(" label TEXT NOT NULL DEFAULT '');\n");
        }
        return sql.toString();
    }

    private static void table(StringBuilder sql, int i, boolean target) {
        int variant = i % 10;
        boolean addColumn = target && variant == 1;      // native ALTER TABLE ADD COLUMN
        boolean tighten = target && variant == 2;        // NOT NULL on an existing column: a rebuild
        boolean retype = target && variant == 3;         // a type change: a rebuild
        boolean addIndex = target && variant == 4;
        boolean dropIndex = target && variant == 5;
        String t = "t" + i;
        sql.append("CREATE TABLE ").append(t).append(" (\n")
                .append("  id INTEGER PRIMARY KEY,\n")
                .append("  parent_id INTEGER").append(i == 0 ? "" : " REFERENCES t" + (i - 1) + " (id) ON DELETE CASCADE").append(",\n")
                .append("  name TEXT NOT NULL,\n")
                .append("  email TEXT UNIQUE,\n")
                .append("  amount ").append(retype ? "NUMERIC" : "REAL").append(tighten ? " NOT NULL" : "").append(" DEFAULT 0,\n")
                .append("  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'void')),\n")
                .append("  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP")
                .append(addColumn ? ",\n  note TEXT" : "").append("\n);\n");
        sql.append("CREATE INDEX ").append(t).append("_parent ON ").append(t).append(" (parent_id);\n");
        if (!dropIndex) sql.append("CREATE INDEX ").append(t).append("_name_created ON ").append(t).append(" (name, created_at);\n");
        if (addIndex) sql.append("CREATE INDEX ").append(t).append("_status ON ").append(t).append(" (status) WHERE status <> 'void';\n");
        if (i % 50 == 0) {
            sql.append("CREATE VIEW ").append(t).append("_paid AS SELECT id, name, amount FROM ").append(t).append(" WHERE status = 'paid';\n");
            sql.append("CREATE TRIGGER ").append(t).append("_void AFTER UPDATE OF status ON ").append(t)
                    .append(" WHEN NEW.status = 'void' BEGIN UPDATE ").append(t).append(" SET amount = 0 WHERE id = NEW.id; END;\n");
        }
    }

    /** Writes {@code sql} to a new SQLite file (replacing it) and returns the file. */
    static Path database(Path file, String sql) throws IOException, SQLException {
        Files.deleteIfExists(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("BEGIN");
            for (String statement : sql.split(";\n")) {
                if (!statement.isBlank()) s.executeUpdate(statement);
            }
            s.executeUpdate("COMMIT");
        }
        return file;
    }

    static Path sqlFile(Path file, String sql) throws IOException {
        return Files.writeString(file, sql);
    }
}
