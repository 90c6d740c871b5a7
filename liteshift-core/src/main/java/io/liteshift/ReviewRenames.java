package io.liteshift;

import io.liteshift.diff.Alteration;
import io.liteshift.diff.Change;
import io.liteshift.review.Rename;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * The renames between the schema before a review's first migration and after its last, from what each migration
 * renames: a table renamed twice is one rename from its first name to its last, a column renamed in a table that is
 * renamed later is named by the table's last name. A rename that something later undoes (the table dropped, the
 * name back as it was) is left out, so the page never pairs names that are not both there.
 */
final class ReviewRenames {
    /** A table's first name and its name now. */
    private static final class TableName {
        final String first;
        String now;

        TableName(String first, String now) {
            this.first = first;
            this.now = now;
        }
    }

    /** A column's first name and its name now, in the table named {@code table} now. */
    private static final class ColumnName {
        String table;
        final String first;
        String now;

        ColumnName(String table, String first, String now) {
            this.table = table;
            this.first = first;
            this.now = now;
        }
    }

    private final List<TableName> tables = new ArrayList<>();
    private final List<ColumnName> columns = new ArrayList<>();

    /** Adds the renames of one migration's (or plan's) changes, in the order they run. */
    ReviewRenames add(List<Change> changes) {
        for (Change c : changes) {
            if (!(c instanceof Change.AlterTable a)) continue;
            for (Alteration x : a.alterations()) if (x instanceof Alteration.RenameTable r) table(r.from(), r.to());
            for (Alteration x : a.alterations()) if (x instanceof Alteration.RenameColumn r) column(a.to().name(), r.from(), r.to());
        }
        return this;
    }

    private void table(String from, String to) {
        TableName t = tables.stream().filter(n -> Identifiers.same(n.now, from)).findFirst().orElse(null);
        if (t == null) tables.add(new TableName(from, to));
        else t.now = to;
        for (ColumnName c : columns) if (Identifiers.same(c.table, from)) c.table = to;
    }

    private void column(String table, String from, String to) {
        ColumnName c = columns.stream().filter(n -> Identifiers.same(n.table, table) && Identifiers.same(n.now, from)).findFirst().orElse(null);
        if (c == null) columns.add(new ColumnName(table, from, to));
        else c.now = to;
    }

    /** The renames that pair a name of {@code before} with one of {@code after}. */
    List<Rename> between(Schema before, Schema after) {
        List<Rename> out = new ArrayList<>();
        for (TableName t : tables) {
            if (!Identifiers.same(t.first, t.now) && before.table(t.first).isPresent() && after.table(t.now).isPresent()) {
                out.add(new Rename.TableRename(t.first, t.now));
            }
        }
        for (ColumnName c : columns) {
            String formerTable = tables.stream().filter(t -> Identifiers.same(t.now, c.table) && out.stream()
                    .anyMatch(r -> r instanceof Rename.TableRename tr && tr.from().equals(t.first))).map(t -> t.first).findFirst().orElse(c.table);
            boolean bound = after.table(c.table).flatMap(t -> t.column(c.now)).isPresent()
                    && before.table(formerTable).flatMap(t -> t.column(c.first)).isPresent();
            if (!Identifiers.same(c.first, c.now) && bound) out.add(new Rename.ColumnRename(c.table, c.first, c.now));
        }
        return out;
    }
}
