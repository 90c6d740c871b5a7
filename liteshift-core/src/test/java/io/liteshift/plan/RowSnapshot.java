package io.liteshift.plan;

import io.liteshift.diff.ColumnChange;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.schema.Column;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;
import io.liteshift.testing.MemoryDb;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of every table that survives a plan, projected on the columns that keep their shape (renames
 * followed), so the data can be compared after the plan ran: nothing lost, nothing altered.
 */
final class RowSnapshot {

    /**
     * A table as it is after the plan, with the columns to compare, the rows expected in them and its
     * AUTOINCREMENT counter (null when it has none to keep).
     */
    private record Expected(String table, List<String> columns, List<String> rows, String sequence) {
    }

    private final List<Expected> expected;

    private RowSnapshot(List<Expected> expected) {
        this.expected = expected;
    }

    static RowSnapshot take(MemoryDb db, Schema current, DeclaredSchema declared) throws SQLException {
        List<Expected> out = new ArrayList<>();
        for (Table now : declared.schema().tables()) {
            Optional<Table> was = source(current, declared, now);
            if (was.isEmpty()) continue;
            Map<String, String> newToOld = new LinkedHashMap<>();
            for (Column c : now.columns()) {
                if (c.isGenerated()) continue;
                String oldName = declared.hints().columnRenamedFrom(now.name(), c.name())
                        .filter(o -> was.get().column(o).isPresent()).orElse(c.name());
                was.get().column(oldName).filter(o -> !o.isGenerated() && ColumnChange.between(o, c).isEmpty())
                        .ifPresent(o -> newToOld.put(c.name(), o.name()));
            }
            String sequence = now.autoincrement() && was.get().autoincrement() ? sequence(db, was.get().name()) : null;
            out.add(new Expected(now.name(), List.copyOf(newToOld.keySet()),
                    rows(db, was.get().name(), List.copyOf(newToOld.values())), sequence));
        }
        return new RowSnapshot(out);
    }

    void assertKept(MemoryDb db) throws SQLException {
        for (Expected e : expected) {
            assertThat(rows(db, e.table(), e.columns())).as("rows of %s in columns %s", e.table(), e.columns())
                    .isEqualTo(e.rows());
            if (e.sequence() != null) {
                assertThat(sequence(db, e.table())).as("AUTOINCREMENT counter of %s", e.table()).isEqualTo(e.sequence());
            }
        }
    }

    /** The table the declared one takes its rows from: the one it is renamed from, or the same name. */
    private static Optional<Table> source(Schema current, DeclaredSchema declared, Table now) {
        Optional<Table> renamedFrom = declared.hints().tableRenamedFrom(now.name()).flatMap(current::table)
                .filter(t -> current.table(now.name()).isEmpty());
        return renamedFrom.isPresent() ? renamedFrom : current.table(now.name());
    }

    private static String sequence(MemoryDb db, String table) throws SQLException {
        List<String> seq = db.column("SELECT seq FROM sqlite_sequence WHERE name = " + Identifiers.literal(table));
        return seq.isEmpty() ? "none" : seq.get(0);
    }

    /** Every row as one text of quoted values, sorted, so row order and storage do not matter. */
    private static List<String> rows(MemoryDb db, String table, List<String> columns) throws SQLException {
        String select = columns.isEmpty() ? "'row'"
                : String.join(" || ',' || ", columns.stream().map(c -> "quote(" + Identifiers.quote(c) + ")").toList());
        List<String> rows = new ArrayList<>(db.column("SELECT " + select + " FROM " + Identifiers.quote(table)));
        rows.sort(null);
        return rows;
    }
}
