package io.liteshift.property;

import io.liteshift.testing.TestDb;

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
 * be refused. So must it when B's column would store one of A's values as another value (its type's affinity
 * turns the text '003' into 3, or '4' into 4.0): what SQLite stores is read from a scratch column of B's type, and
 * compared here, in Java, with what A holds.
 */
final class ExpectedDatabase {
    private ExpectedDatabase() {
    }

    /** Fills {@code expected}; returns why A's rows do not fit B, or empty when they do. */
    static Optional<String> fill(Scenario s, Connection aDb, Connection expected) throws SQLException {
        for (String stmt : s.b().statements(null, false, s.spelling())) TestDb.exec(expected, stmt);
        TestDb.exec(expected, "PRAGMA foreign_keys = OFF");
        for (TableDef bt : s.b().tables()) {
            Optional<TableDef> at = s.a().table(bt.id());
            if (at.isEmpty()) continue;
            Optional<String> why = copy(at.get(), bt, aDb, expected);
            if (why.isPresent()) return why;
        }
        List<String> violations = TestDb.lines(expected, "PRAGMA foreign_key_check");
        return violations.isEmpty() ? Optional.empty() : Optional.of("foreign_key_check: " + violations);
    }

    /** What kind of misfit {@link #fill} found, for the property's statistics. */
    static String kind(String misfit) {
        return misfit.startsWith("B's ") ? "a value would change" : misfit.startsWith("foreign_key_check") ? "a foreign key" : "SQLite refuses a row";
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
            values.add(c.notNull() && c.defaultSql() != null ? "coalesce(?, " + Sql.defaultValue(c.defaultSql()) + ")" : "?");
        }
        if (from.isEmpty()) from.add("1");
        String insert = into.isEmpty() ? "INSERT INTO " + Sql.name(b.name()) + " DEFAULT VALUES"
                : "INSERT INTO " + Sql.name(b.name()) + " (" + String.join(", ", into) + ") VALUES (" + String.join(", ", values) + ")";
        try (Statement st = aDb.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", from) + " FROM " + Sql.name(a.name()));
             PreparedStatement ps = expected.prepareStatement(insert)) {
            int first = rowid ? 2 : 1;
            while (rs.next()) {
                for (int i = 1; i <= into.size(); i++) ps.setObject(i, rs.getObject(i));
                for (int i = first; i <= into.size(); i++) {
                    ColumnDef c = shared.get(i - first);
                    // A's column stores the same way (same type, same STRICT): its values are as B would store them
                    if (a.strict() == b.strict() && a.columnById(c.id()).type().equalsIgnoreCase(c.type())) continue;
                    Object was = rs.getObject(i);
                    Object stored = storedAs(expected, b.strict(), c.type(), was);
                    if (!readsBack(was, stored)) {
                        return Optional.of("B's " + b.name() + "." + c.name() + " would store A's value " + Sql.literal(was) + " as "
                                + Sql.literal(stored));
                    }
                }
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    return Optional.of("a row of " + a.name() + " does not fit " + b.name() + ": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** What a column of {@code type} (in a STRICT table or not) stores for {@code value}; the value itself where it refuses it. */
    private static Object storedAs(Connection db, boolean strict, String type, Object value) throws SQLException {
        if (value == null) return null;
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS temp.scratch");
            s.execute("CREATE TEMP TABLE scratch (v " + (type.isEmpty() ? "" : "'" + type + "'") + ")" + (strict ? " STRICT" : ""));
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO temp.scratch VALUES (?)")) {
                ps.setObject(1, value);
                ps.executeUpdate();
            } catch (SQLException refused) {
                return value; // a STRICT column's refusal: the copy into B fails on it, and says so
            }
            try (ResultSet rs = s.executeQuery("SELECT v FROM temp.scratch")) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    /**
     * Whether {@code stored}, read back as {@code was}'s kind of value, is {@code was}: the copy kept the value ('12'
     * stored as 12 reads back as '12'; '003' stored as 3 does not, nor '4' stored as 4.0, nor 2^53 + 1 as a real).
     */
    static boolean readsBack(Object was, Object stored) {
        if (was == null || stored == null) return was == stored;
        Object w = was instanceof Integer i ? (Object) i.longValue() : was;
        Object v = stored instanceof Integer i ? (Object) i.longValue() : stored;
        if (w.getClass() == v.getClass()) return true; // affinity never changes a value within its storage class
        if (w instanceof String text) {
            if (v instanceof Long l) return text.equals(Long.toString(l));
            if (v instanceof Double d) return text.equals(Double.toString(d));
        }
        if (w instanceof Long l) {
            if (v instanceof Double d) return (double) l == d && (long) (double) d == l;
            if (v instanceof String text) return text.equals(Long.toString(l));
        }
        if (w instanceof Double d) {
            if (v instanceof Long l) return (double) l == d;
            if (v instanceof String text) return text.equals(Double.toString(d));
        }
        return false;
    }
}
