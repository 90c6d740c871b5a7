package io.liteshift.lint;

import io.liteshift.schema.Column;
import io.liteshift.schema.Table;

import java.util.List;
import java.util.Locale;

/**
 * How a column stores the values written to it (https://sqlite.org/datatype3.html): a STRICT column's type, or
 * the affinity of a declared type elsewhere. A rebuild's copy writes every value again, so a column whose rule
 * changes may store a value differently than it is now: {@code '007'} becomes 7 under INTEGER affinity, {@code '1'}
 * becomes 1.0 under REAL, and an ANY column of a table that stops being STRICT gets NUMERIC affinity.
 */
final class Storage {
    private Storage() {
    }

    /** The rule, as messages name it: "STRICT INTEGER", "STRICT ANY", or an affinity ("TEXT affinity", ...). */
    static String rule(Table t, Column c) {
        return t.strict() ? "STRICT " + strictType(c) : c.affinity() + " affinity";
    }

    /**
     * The storage classes ({@code typeof}) of values that {@code c} in {@code t} would write differently than it
     * reads them, at best (an exact round trip, '12' to 12) or at worst ('007' to 7): empty when it stores every
     * value as given. Integers become text and back without loss, and so do reals (SQLite writes them with as many
     * digits as they need) but for infinity, whose text 'Inf' reads back as 0.0; a text can lose its spelling and a
     * large integer its precision.
     */
    static List<String> converted(Table t, Column c) {
        String rule = t.strict() ? strictType(c) : c.affinity();
        return switch (rule) {
            case "INTEGER", "NUMERIC" -> List.of("text");
            case "REAL" -> List.of("text", "integer");
            case "TEXT" -> List.of("real");
            default -> List.of(); // BLOB affinity and strict ANY keep every value as it is
        };
    }

    /** A STRICT column's type name as SQLite checks it (INT is INTEGER). */
    static String strictType(Column c) {
        String t = c.type().toUpperCase(Locale.ROOT);
        return t.equals("INT") ? "INTEGER" : t;
    }

    /** The storage class a STRICT column requires, as typeof() names it; null for ANY. */
    static String strictClass(Column c) {
        return switch (strictType(c)) {
            case "INTEGER" -> "integer";
            case "REAL" -> "real";
            case "TEXT" -> "text";
            case "BLOB" -> "blob";
            default -> null;
        };
    }
}
