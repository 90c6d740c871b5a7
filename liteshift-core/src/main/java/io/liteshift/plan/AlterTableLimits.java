package io.liteshift.plan;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ColumnClauses;
import io.liteshift.schema.Table;
import io.liteshift.sql.CarriedConstraintName;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Token;

import java.util.List;

/** What SQLite's ALTER TABLE cannot do in place (https://sqlite.org/lang_altertable.html): the table is rebuilt instead. */
final class AlterTableLimits {
    private AlterTableLimits() {
    }

    /** SQLite's ADD COLUMN restrictions (#altertabaddcol), read from the column's definition; null when it can add it. */
    static String cannotAdd(Column c, Table into) {
        ColumnClauses written = c.clauses();
        if (CarriedConstraintName.in(into.sql())) {
            return "the CONSTRAINT name on the table's last column also names its first table constraint, which a column added after it would take away";
        }
        if (c.definition() != null && CarriedConstraintName.afterAdding(into.sql(), SqlText.withoutHints(c.definition()).strip())) {
            return "the column's CONSTRAINT name would also name the table's first table constraint, once the column is the last one";
        }
        if (written.primaryKey()) return "a PRIMARY KEY column cannot be added in place";
        if (written.unique()) return "a UNIQUE column cannot be added in place";
        if (c.generated() != null && c.generated().stored()) return "a STORED generated column cannot be added in place";
        if (c.notNull() && c.generated() == null && written.writtenDefault() == null) return "NOT NULL without a DEFAULT";
        if (written.writtenDefault() != null && !isConstant(written.writtenDefault())) return "its DEFAULT is not a constant";
        return null;
    }

    /** A literal, as ADD COLUMN requires: no parenthesized expression, no CURRENT_TIME/DATE/TIMESTAMP. */
    private static boolean isConstant(String dflt) {
        List<Token> t = Lexer.significant(dflt);
        if (t.isEmpty() || t.stream().anyMatch(x -> x.isPunct("("))) return false;
        return t.stream().noneMatch(x -> x.is("current_time") || x.is("current_date") || x.is("current_timestamp"));
    }

    /** SQLite's DROP COLUMN restrictions (#altertabdropcol); null when it can drop {@code c} from {@code from}. */
    static String cannotDrop(Column c, Table from, Table to) {
        List<String> key = List.of(Identifiers.fold(c.name()));
        if (from.primaryKey() != null && from.primaryKey().columnNames().stream().anyMatch(n -> Identifiers.same(n, c.name()))) {
            return "it is part of the PRIMARY KEY";
        }
        if (from.uniques().stream().anyMatch(u -> u.columns().stream().anyMatch(k -> k.refersTo(key)))) {
            return "it is part of a UNIQUE constraint";
        }
        if (from.foreignKeys().stream().anyMatch(f -> f.columns().stream().anyMatch(n -> Identifiers.same(n, c.name())))) {
            return "it is part of a FOREIGN KEY";
        }
        for (CheckConstraint ck : from.checks()) if (SqlText.mentions(ck.expression(), key)) return "a CHECK uses it";
        for (Column other : to.columns()) {
            if (other.generated() != null && SqlText.mentions(other.generated().expression(), key)) return "a generated column uses it";
        }
        if (from.columns().size() - 1 < 1) return "it is the only column";
        return null;
    }
}
