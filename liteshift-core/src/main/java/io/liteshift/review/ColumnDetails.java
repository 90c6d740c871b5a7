package io.liteshift.review;

import io.liteshift.schema.Column;
import io.liteshift.sql.Defaults;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What changed in one column, in phrases a reviewer reads ("type TEXT -> INTEGER", "becomes NOT NULL"). */
final class ColumnDetails {
    private ColumnDetails() {
    }

    /** Empty when {@code b} and {@code a} store and constrain values alike under the same name. */
    static List<String> between(Column b, Column a, Set<String> keysBefore, Set<String> keysAfter) {
        List<String> out = new ArrayList<>();
        if (!b.name().equals(a.name())) out.add("renamed from " + b.name());
        if (!SqlText.canonical(b.type()).equals(SqlText.canonical(a.type()))) {
            out.add("type " + orNone(b.type()) + " -> " + orNone(a.type()));
        }
        if (b.notNull() != a.notNull()) out.add(a.notNull() ? "becomes NOT NULL" : "becomes nullable");
        if (!Objects.equals(Defaults.canonical(b.defaultValue()), Defaults.canonical(a.defaultValue()))) {
            out.add("default " + orNone(b.defaultValue()) + " -> " + orNone(a.defaultValue()));
        }
        if (!Objects.equals(collation(b), collation(a))) {
            out.add("collation " + orNone(b.collation()) + " -> " + orNone(a.collation()));
        }
        if (b.isGenerated() || a.isGenerated()) {
            if (!b.isGenerated()) out.add("becomes generated");
            else if (!a.isGenerated()) out.add("is no longer generated");
            else if (b.generated().stored() != a.generated().stored()
                    || !SqlText.canonicalExpression(b.generated().expression()).equals(SqlText.canonicalExpression(a.generated().expression()))) {
                out.add("generated expression changed");
            }
        }
        if (keysBefore.contains("PK") != keysAfter.contains("PK")) {
            out.add(keysAfter.contains("PK") ? "joins the primary key" : "leaves the primary key");
        }
        if (keysBefore.contains("UQ") != keysAfter.contains("UQ")) {
            out.add(keysAfter.contains("UQ") ? "becomes UNIQUE" : "is no longer UNIQUE");
        }
        return out;
    }

    private static String collation(Column c) {
        return c.collation() == null || Identifiers.same(c.collation(), "BINARY") ? null : Identifiers.fold(c.collation());
    }

    private static String orNone(String s) {
        return s == null || s.isEmpty() ? "none" : SqlText.inline(s);
    }
}
