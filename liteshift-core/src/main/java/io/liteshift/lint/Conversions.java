package io.liteshift.lint;

import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the rebuild's copy does to the values of a column whose storage rule changes ({@link Storage}): values a
 * STRICT column cannot hold ({@code strict-type}), and values it would store differently than they are
 * ({@code type-conversion}: {@code '007'} as 7, {@code '1'} as 1.0, a large integer as an inexact real). Each
 * column's values are written into a TEMP table whose column has the declared type, so SQLite itself converts
 * them; a value counts as changed when the stored one, read back as the old storage class, is not the old value
 * ({@code '12'} as 12 reads back as {@code '12'}, and is what the type change asks for).
 */
final class Conversions {
    private static final String PROBE = "temp._liteshift_probe";
    /** The old value does not come back from the stored one (both compared without affinity). */
    private static final String CHANGED = "typeof(v) <> typeof(o) AND NOT coalesce(CASE typeof(o)"
            + " WHEN 'integer' THEN typeof(CAST(v AS INTEGER)) = 'integer' AND CAST(v AS INTEGER) = o"
            + " WHEN 'real' THEN CAST(v AS REAL) = o WHEN 'text' THEN CAST(v AS TEXT) = o END, 0)";

    private final Connection db;
    private final TableMapping m;
    private final long rows;
    private final List<LintIssue> out;

    private Conversions(Connection db, TableMapping m, long rows, List<LintIssue> out) {
        this.db = db;
        this.m = m;
        this.rows = rows;
        this.out = out;
    }

    /** Adds the findings for the copied columns of {@code m}, a rebuilt table of {@code rows} rows, to {@code out}. */
    static void check(Connection db, TableMapping m, long rows, List<LintIssue> out) throws SQLException {
        if (!m.rebuilt()) return; // ALTER TABLE keeps every stored value as it is
        Conversions c = new Conversions(db, m, rows, out);
        for (Column col : m.to().columns()) {
            String value = m.values().get(Identifiers.fold(col.name()));
            if (!col.isGenerated() && value != null) c.column(col, value);
        }
    }

    private void column(Column c, String value) throws SQLException {
        Optional<Column> was = Projection.sourceColumn(m, c).flatMap(n -> m.from().column(n));
        boolean sameRule = was.isPresent() && Storage.rule(m.from(), was.get()).equals(Storage.rule(m.to(), c));
        String strictClass = m.to().strict() ? Storage.strictClass(c) : null;
        List<String> converted = Storage.converted(m.to(), c);
        if (sameRule || converted.isEmpty() && strictClass == null) return;
        // the value the row holds now: its column (a NULL the copy fills with the DEFAULT is not a stored value), or the copy's expression
        String now = was.map(w -> Identifiers.quote(w.name())).orElse(value);
        String which = strictClass != null ? "typeof(o) NOT IN ('null', '" + strictClass + "')"
                : "typeof(o) IN (" + converted.stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + ")";
        String type = strictClass == null ? c.type() : Storage.strictType(c);
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + PROBE);
            // not STRICT, and the declared type: the affinity converts as the copy will (a STRICT column converts the same way, then checks)
            s.execute("CREATE TEMP TABLE _liteshift_probe (k, o, v " + Identifiers.literal(type) + ")"); // a type name may be a string
            try {
                s.execute("INSERT INTO " + PROBE + " SELECT k, o, o FROM (SELECT " + Projection.keyExpression(m.from()) + " AS k, "
                        + now + " AS o FROM " + Identifiers.quote(m.from().name()) + ") WHERE " + which);
                if (strictClass != null) report(LintCode.STRICT_TYPE, c, "v IS NOT NULL AND typeof(v) <> '" + strictClass + "'");
                report(LintCode.TYPE_CONVERSION, c, CHANGED);
            } finally {
                s.execute("DROP TABLE " + PROBE);
            }
        }
    }

    private void report(LintCode code, Column c, String where) throws SQLException {
        List<List<String>> found = Rows.table(db, "SELECT k, " + Samples.quoted("o") + ", " + Samples.quoted("v") + ", count(*) OVER ()"
                + " FROM " + PROBE + " WHERE " + where + " LIMIT " + Samples.KEYS);
        if (found.isEmpty()) return;
        long bad = Long.parseLong(found.get(0).get(3));
        String label = Projection.keyLabel(m.from());
        String subject = m.to().name() + "." + c.name();
        String type = m.to().strict() ? c.type() + " in a STRICT table" : c.type().isEmpty() ? "untyped" : c.type();
        String counted = String.format("%,d", bad) + " of " + Rows.plural(rows, "row");
        if (code == LintCode.STRICT_TYPE) {
            List<String> shown = found.stream().map(r -> label + " " + r.get(0) + " = " + r.get(1)).toList();
            out.add(LintIssue.of(code, Severity.ERROR, subject, subject + " becomes " + type + ", but " + counted
                    + " hold values that cannot be stored as " + c.type() + " (" + Samples.list(shown, bad) + ").",
                    "Convert or clear those values first, or declare the column ANY.", measured(bad, found)));
            return;
        }
        List<String> shown = found.stream().map(r -> label + " " + r.get(0) + ": " + r.get(1) + " would become " + r.get(2)).toList();
        out.add(LintIssue.of(code, Severity.ERROR, subject, subject + " becomes " + type + ": the copy would store "
                + counted + " differently than they are (" + Samples.list(shown, bad) + ").", "To keep the values,"
                + " declare a type that stores them as they are (TEXT for text; BLOB, or no type, keeps any value); to convert"
                + " them, do it explicitly first with an UPDATE that CASTs " + Identifiers.quote(c.name()) + " (in a hand-written"
                + " migration for migrate), and review the result.", measured(bad, found)));
    }

    /** The count and the keys of the rows found (each row's first column is its key). */
    private Measurement measured(long bad, List<List<String>> found) {
        String label = Projection.keyLabel(m.from());
        return Measurement.rows(bad, found.stream().map(r -> label + " " + r.get(0)).toList());
    }
}
