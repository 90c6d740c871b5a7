package io.liteshift.property;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The oracle for the data: schema B built fresh (without triggers, so copying rows fires nothing), then every
 * row of A copied in by hand through the column pairing the generator knows (same id, whatever the name),
 * keeping rowids where both tables have them, filling NULLs with the DEFAULT where a column became NOT NULL.
 * SQLite decides whether A's rows fit B: if any insert fails or foreign_key_check reports a row, the push must
 * be refused.
 */
final class ExpectedDatabase {
    private ExpectedDatabase() {
    }

    /** Fills {@code expected}; returns why A's rows do not fit B, or empty when they do. */
    static Optional<String> fill(Scenario s, Connection aDb, Connection expected) throws SQLException {
        for (String stmt : s.b().statements(null, false)) Sqlite.exec(expected, stmt);
        Sqlite.exec(expected, "PRAGMA foreign_keys = OFF");
        for (TableDef bt : s.b().tables()) {
            Optional<TableDef> at = s.a().table(bt.id());
            if (at.isEmpty()) continue;
            Optional<String> why = copy(at.get(), bt, aDb, expected);
            if (why.isPresent()) return why;
        }
        List<String> violations = Sqlite.rows(expected, "PRAGMA foreign_key_check");
        return violations.isEmpty() ? Optional.empty() : Optional.of("foreign_key_check: " + violations);
    }

    /** Whether B's table keeps the rowids of A's table (both have one); else rows are matched by primary key. */
    static boolean keepsRowid(Optional<TableDef> a, TableDef b) {
        return !b.withoutRowid() && a.map(t -> !t.withoutRowid()).orElse(true);
    }

    private static Optional<String> copy(TableDef a, TableDef b, Connection aDb, Connection expected) throws SQLException {
        boolean rowid = keepsRowid(Optional.of(a), b);
        // generated columns compute themselves from the copied ones
        List<ColumnDef> shared = b.columns().stream().filter(c -> a.column(c.id()).isPresent() && !c.isGenerated()).toList();
        List<String> from = new ArrayList<>();
        List<String> into = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (rowid) {
            from.add(Sql.rowid(SchemaGenerator.names(a.columns())));
            into.add(Sql.rowid(SchemaGenerator.names(b.columns())));
            values.add("?");
        }
        for (ColumnDef c : shared) {
            from.add(Sql.name(a.columnById(c.id()).name()));
            into.add(Sql.name(c.name()));
            values.add(c.notNull() && c.defaultSql() != null ? "coalesce(?, " + c.defaultSql() + ")" : "?");
        }
        if (from.isEmpty()) from.add("1");
        String insert = into.isEmpty() ? "INSERT INTO " + Sql.name(b.name()) + " DEFAULT VALUES"
                : "INSERT INTO " + Sql.name(b.name()) + " (" + String.join(", ", into) + ") VALUES (" + String.join(", ", values) + ")";
        try (Statement st = aDb.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", from) + " FROM " + Sql.name(a.name()));
             PreparedStatement ps = expected.prepareStatement(insert)) {
            while (rs.next()) {
                for (int i = 1; i <= into.size(); i++) ps.setObject(i, rs.getObject(i));
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    return Optional.of("a row of " + a.name() + " does not fit " + b.name() + ": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }
}
