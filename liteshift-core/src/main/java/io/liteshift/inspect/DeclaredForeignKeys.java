package io.liteshift.inspect;

import io.liteshift.LiteShiftException;
import io.liteshift.schema.Column;
import io.liteshift.schema.ForeignKeyTargets;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.TableLayout;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A declared schema's foreign keys must point at declared parent keys, as the Java DSL requires too
 * ({@link ForeignKeyTargets} judges both): SQLite would create such a table and then fail every write to it.
 * Each problem names the line of its REFERENCES clause and the fix in SQL terms.
 */
final class DeclaredForeignKeys {

    /** Where a CREATE TABLE stands: its file, its first line and its layout. */
    record Located(String file, int line, TableLayout layout) {
    }

    private DeclaredForeignKeys() {
    }

    static void require(Schema schema, Map<String, Located> tables) {
        List<ForeignKeyTargets.Problem> problems = ForeignKeyTargets.of(schema);
        if (problems.isEmpty()) return;
        String all = problems.stream().map(p -> where(p, tables) + ": table " + p.child().name() + ", FOREIGN KEY ("
                + String.join(", ", p.key().columns()) + ") " + p.describe() + ". " + fix(p, schema) + ".")
                .collect(Collectors.joining("\n"));
        throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, all + "\nNothing was changed.");
    }

    private static String where(ForeignKeyTargets.Problem p, Map<String, Located> tables) {
        Located at = tables.get(Identifiers.fold(p.child().name()));
        if (at == null) return "(the declared schema)";
        return at.file() + ":" + at.layout().referenceLine(p.key().columns(), p.key().refTable()).orElse(at.line());
    }

    private static String fix(ForeignKeyTargets.Problem p, Schema schema) {
        if (p instanceof ForeignKeyTargets.MissingTable m) {
            return (m.notATable() != null ? "Reference a table" : "Declare table " + m.key().refTable()) + " in the schema,"
                    + " or fix the name" + known(schema.tables().stream().map(Table::name).toList());
        }
        if (p instanceof ForeignKeyTargets.NoPrimaryKey n) {
            return "Name the parent columns (REFERENCES " + n.parent().name() + " (column)), or give " + n.parent().name()
                    + " a PRIMARY KEY";
        }
        if (p instanceof ForeignKeyTargets.MissingColumns m) {
            return "Declare it in " + m.parent().name() + ", or reference one of its columns"
                    + known(m.parent().columns().stream().map(Column::name).toList());
        }
        if (p instanceof ForeignKeyTargets.NotUnique u) {
            return "Make those columns UNIQUE in " + u.parent().name() + " (a UNIQUE constraint or a unique index), or"
                    + " reference its primary key";
        }
        return "Give as many parent columns as child columns"; // ColumnCountDiffers
    }

    private static String known(List<String> names) {
        return names.isEmpty() ? "" : " (declared: " + String.join(", ", names) + ")";
    }
}
