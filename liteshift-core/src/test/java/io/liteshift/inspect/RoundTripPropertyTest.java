package io.liteshift.inspect;

import io.liteshift.sql.Identifiers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@link RoundTripTest} over generated tables: quoting, types, defaults, collations, keys, options, indexes. */
class RoundTripPropertyTest {

    private static final Set<String> STRICT_TYPES = Set.of("INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY");

    record ColumnSpec(String type, boolean notNull, String dflt, String collation, boolean unique, boolean check) {
    }

    record TableSpec(String name, List<String> columnNames, List<ColumnSpec> columns, int pkColumns,
                     boolean withoutRowid, boolean strict, boolean childTable, int indexKind) {

        String sql() {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) parts.add(column(columnNames.get(i), columns.get(i)));
            int pk = Math.min(pkColumns, columns.size());
            boolean rowidless = withoutRowid && pk > 0;
            if (pk > 0) {
                parts.add("PRIMARY KEY (" + String.join(", ", columnNames.subList(0, pk).stream().map(Identifiers::quote).toList()) + ")");
            }
            boolean strictOk = strict && columns.stream().allMatch(c -> STRICT_TYPES.contains(c.type()));
            List<String> options = new ArrayList<>();
            if (rowidless) options.add("WITHOUT ROWID");
            if (strictOk) options.add("STRICT");
            String table = Identifiers.quote(name);
            StringBuilder sb = new StringBuilder("CREATE TABLE " + table + " (\n  " + String.join(",\n  ", parts) + "\n)"
                    + (options.isEmpty() ? "" : " " + String.join(", ", options)) + ";\n");
            String first = Identifiers.quote(columnNames.get(0));
            switch (indexKind) {
                case 1 -> sb.append("CREATE INDEX ix ON ").append(table).append(" (").append(first).append(" DESC);\n");
                case 2 -> sb.append("CREATE UNIQUE INDEX ix ON ").append(table).append(" (").append(first)
                        .append(" COLLATE NOCASE) WHERE ").append(first).append(" IS NOT NULL;\n");
                case 3 -> sb.append("CREATE INDEX ix ON ").append(table).append(" (coalesce(").append(first).append(", 0));\n");
                default -> { }
            }
            if (childTable && pk > 0) {
                List<String> refs = columnNames.subList(0, pk).stream().map(Identifiers::quote).toList();
                List<String> own = new ArrayList<>();
                for (int i = 0; i < pk; i++) own.add("p" + i);
                sb.append("CREATE TABLE child (id INTEGER PRIMARY KEY, ").append(String.join(", ", own))
                        .append(", FOREIGN KEY (").append(String.join(", ", own)).append(") REFERENCES ").append(table)
                        .append(" (").append(String.join(", ", refs)).append(") ON DELETE CASCADE);\n");
            }
            return sb.toString();
        }

        private static String column(String name, ColumnSpec c) {
            String n = Identifiers.quote(name);
            StringBuilder sb = new StringBuilder(n);
            if (!c.type().isEmpty()) sb.append(' ').append(c.type());
            if (c.notNull()) sb.append(" NOT NULL");
            if (c.dflt() != null) sb.append(" DEFAULT ").append(c.dflt());
            if (c.collation() != null) sb.append(" COLLATE ").append(c.collation());
            if (c.unique()) sb.append(" UNIQUE");
            if (c.check()) sb.append(" CHECK (").append(n).append(" IS NOT 'forbidden')");
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<TableSpec> tables() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("id", "a", "Name", "select", "my col", "é", "x\"y", "2nd", "order", "Key", "[b]", "p0"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
        // Literal defaults only: expression defaults do not round-trip yet (see RoundTripTest).
        Arbitrary<ColumnSpec> column = Combinators.combine(
                Arbitraries.of("", "INTEGER", "INT", "TEXT", "REAL", "BLOB", "ANY", "NUMERIC", "VARCHAR(20)",
                        "DECIMAL(10, 2)", "DOUBLE PRECISION", "UNSIGNED BIG INT"),
                Arbitraries.of(true, false),
                Arbitraries.of("0", "-1", "+2.5", "'x'", "'it''s'", "NULL", "CURRENT_TIMESTAMP", "X'FF'", "TRUE").injectNull(0.4),
                Arbitraries.of("NOCASE", "RTRIM", "BINARY").injectNull(0.6),
                Arbitraries.integers().between(0, 9).map(i -> i < 3),
                Arbitraries.of(true, false)).as(ColumnSpec::new);
        return Combinators.combine(
                Arbitraries.oneOf(names, Arbitraries.of("table", "t t", "Ünï")).filter(n -> !Identifiers.same(n, "child") && !Identifiers.same(n, "ix")), // names the test's own objects use
                names.list().ofMinSize(1).ofMaxSize(5).uniqueElements(Identifiers::fold),
                column.list().ofSize(5),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3)
        ).as((name, colNames, cols, pk, wr, strict, child, index) -> new TableSpec(name, colNames,
                cols.subList(0, colNames.size()), pk, wr, strict, child, index));
    }

    @Property(tries = 150)
    void generated_tables_round_trip_through_canonical_ddl(@ForAll("tables") TableSpec spec) throws SQLException {
        RoundTripTest.assertRoundTrips(spec.sql());
    }
}
