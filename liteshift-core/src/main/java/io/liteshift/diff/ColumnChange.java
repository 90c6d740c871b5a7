package io.liteshift.diff;

import io.liteshift.schema.Column;
import io.liteshift.sql.Defaults;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One way a column that exists on both sides can differ. The differ compares two columns once, into the set of these
 * ({@link #between}); the planner's choice between ALTER TABLE and a rebuild, the lint rules and the description all
 * read that set instead of comparing the columns again.
 */
public enum ColumnChange {
    /** The declared type, compared as SQLite reads it (case, spacing). */
    TYPE,
    /** NOT NULL added or removed. */
    NULLABILITY,
    /** The DEFAULT, compared by the value SQLite stores ({@link Defaults#canonical}). */
    DEFAULT,
    /** The COLLATE sequence (none and BINARY are the same). */
    COLLATION,
    /** The GENERATED expression, or whether it is STORED, or whether the column is generated at all. */
    GENERATED;

    /** What differs between {@code from} and {@code to}, names aside; empty when they store and constrain values alike. */
    public static Set<ColumnChange> between(Column from, Column to) {
        Set<ColumnChange> out = EnumSet.noneOf(ColumnChange.class);
        if (!SqlText.canonical(from.type()).equals(SqlText.canonical(to.type()))) out.add(TYPE);
        if (from.notNull() != to.notNull()) out.add(NULLABILITY);
        if (!Objects.equals(Defaults.canonical(from.defaultValue()), Defaults.canonical(to.defaultValue()))) out.add(DEFAULT);
        if (!Objects.equals(collation(from), collation(to))) out.add(COLLATION);
        if (!sameGenerated(from.generated(), to.generated())) out.add(GENERATED);
        return out;
    }

    private static String collation(Column c) {
        return c.collation() == null || Identifiers.same(c.collation(), "BINARY") ? null : Identifiers.fold(c.collation());
    }

    private static boolean sameGenerated(Column.Generated a, Column.Generated b) {
        if (a == null || b == null) return a == b;
        return a.stored() == b.stored() && SqlText.canonicalExpression(a.expression()).equals(SqlText.canonicalExpression(b.expression()));
    }
}
