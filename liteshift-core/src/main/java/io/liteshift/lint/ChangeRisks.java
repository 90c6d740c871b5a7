package io.liteshift.lint;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.plan.Plan;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.Column;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What in a plan may fail on real rows or destroy them, read from the plan alone (no database): the notes a
 * generated migration carries in its header for the reviewer.
 */
public final class ChangeRisks {

    private ChangeRisks() {
    }

    public static List<String> of(Plan plan) {
        List<String> out = new ArrayList<>();
        for (Change c : plan.changes()) {
            if (c instanceof Change.DropTable d) out.add("destructive: drops table " + q(d.table().name()) + " and every row in it");
            if (c instanceof Change.DropVirtualTable d) out.add("destructive: drops virtual table " + q(d.table().name()) + " and its rows");
            if (c instanceof Change.CreateIndex ci && ci.index().unique()) {
                out.add("data-dependent: unique index " + q(ci.index().name()) + " on " + q(ci.index().table())
                        + " fails if existing rows share a value");
            }
            if (c instanceof Change.AlterTable a) alteration(plan, a, out);
        }
        for (TableMapping m : plan.rebuilds()) {
            out.add("blocking: rebuilds " + q(m.to().name()) + " (copies every row while holding the write lock; needs free disk"
                    + " space for a second copy of the table)");
        }
        return out;
    }

    private static void alteration(Plan plan, Change.AlterTable a, List<String> out) {
        String t = q(a.to().name());
        List<Column> backfills = plan.mappings().stream().filter(m -> m.to() == a.to()).findFirst()
                .map(TableMapping::backfills).orElse(List.of());
        for (Alteration x : a.alterations()) {
            if (x instanceof Alteration.DropColumn d) {
                out.add("destructive: drops column " + t + "." + q(d.column().name()) + " and its values");
            } else if (x instanceof Alteration.AddColumn add && add.column().notNull() && add.column().defaultValue() == null
                    && !add.column().isGenerated()) {
                out.add("data-dependent: new column " + t + "." + q(add.column().name()) + " is NOT NULL without a DEFAULT: fails"
                        + " if the table has rows");
            } else if (x instanceof Alteration.ModifyColumn mc) {
                modify(t, mc, backfills, a.to().strict(), out);
            } else if (x instanceof Alteration.AddUnique u) {
                out.add("data-dependent: new UNIQUE " + cols(u.unique().columns()) + " on " + t + " fails if rows share a value");
            } else if (x instanceof Alteration.ChangePrimaryKey pk && pk.to() != null) {
                out.add("data-dependent: new PRIMARY KEY " + cols(pk.to().columns()) + " on " + t + " fails if rows share a key");
            } else if (x instanceof Alteration.AddCheck ck) {
                out.add("data-dependent: new CHECK (" + ck.check().expression() + ") on " + t + " fails if a row breaks it");
            } else if (x instanceof Alteration.AddForeignKey fk) {
                out.add("data-dependent: new FOREIGN KEY (" + String.join(", ", fk.foreignKey().columns()) + ") on " + t + " references "
                        + q(fk.foreignKey().refTable()) + ": fails if a row references no row there");
            }
        }
    }

    private static void modify(String t, Alteration.ModifyColumn mc, List<Column> backfills, boolean strict, List<String> out) {
        String col = t + "." + q(mc.to().name());
        if (mc.to().notNull() && !mc.from().notNull()) {
            boolean filled = backfills.stream().anyMatch(b -> Identifiers.same(b.name(), mc.to().name()));
            out.add(filled
                    ? "data-dependent: " + col + " becomes NOT NULL; existing NULLs are filled with its DEFAULT " + mc.to().defaultValue()
                    : "data-dependent: " + col + " becomes NOT NULL: fails if a row holds NULL; add an UPDATE that fills them"
                      + " before this step, or declare a DEFAULT");
        }
        boolean typeChanged = !io.liteshift.sql.SqlText.canonical(mc.from().type()).equals(io.liteshift.sql.SqlText.canonical(mc.to().type()));
        if (typeChanged && strict) {
            out.add("data-dependent: " + col + " changes type to " + mc.to().type() + " in a STRICT table: fails if a value does not fit");
        }
    }

    private static String cols(List<IndexedColumn> keys) {
        return "(" + keys.stream().map(IndexedColumn::expression).collect(Collectors.joining(", ")) + ")";
    }

    private static String q(String name) {
        return Identifiers.quote(name);
    }
}
