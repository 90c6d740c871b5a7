package io.liteshift.review;

import io.liteshift.schema.Column;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rename hints of one review, looked up by name in either direction. */
final class Renames {
    private final List<Rename> all;

    Renames(List<Rename> all) {
        this.all = all;
    }

    /** Refuses a rename that does not pair a name of {@code before} with one of {@code after}. */
    static void requireBound(Schema before, Schema after, List<Rename> renames) {
        Renames lookup = new Renames(renames);
        for (Rename r : renames) {
            if (r instanceof Rename.TableRename t) {
                if (before.table(t.from()).isEmpty()) throw unbound(r, "the schema before has no table " + t.from());
                if (after.table(t.to()).isEmpty()) throw unbound(r, "the schema after has no table " + t.to());
            } else if (r instanceof Rename.ColumnRename c) {
                String formerTable = lookup.formerTableName(c.table());
                if (after.table(c.table()).flatMap(t -> t.column(c.to())).isEmpty()) {
                    throw unbound(r, "the schema after has no column " + c.table() + "." + c.to());
                }
                if (before.table(formerTable).flatMap(t -> t.column(c.from())).isEmpty()) {
                    throw unbound(r, "the schema before has no column " + formerTable + "." + c.from());
                }
            }
        }
    }

    private static IllegalArgumentException unbound(Rename r, String why) {
        return new IllegalArgumentException("rename hint \"" + r + "\" does not fit the schemas: " + why
                + ". Pass only renames between the two schemas given; nothing was rendered.");
    }

    /** The name table {@code after} had before ({@code after} itself when it was not renamed). */
    String formerTableName(String after) {
        return all.stream().filter(r -> r instanceof Rename.TableRename t && Identifiers.same(t.to(), after))
                .map(r -> ((Rename.TableRename) r).from()).findFirst().orElse(after);
    }

    /** The name table {@code before} has after, if it was renamed. */
    Optional<String> laterTableName(String before) {
        return all.stream().filter(r -> r instanceof Rename.TableRename t && Identifiers.same(t.from(), before))
                .map(r -> ((Rename.TableRename) r).to()).findFirst();
    }

    /**
     * The names in SQL about table {@code b} (before) that the renames changed, folded, with their names in
     * {@code a} (after): the table's own name and its columns'. What {@code SqlText.renameIdentifiers} takes.
     */
    Map<String, String> inSql(Table b, Table a) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!Identifiers.same(b.name(), a.name())) names.put(Identifiers.fold(b.name()), a.name());
        for (Column c : a.columns()) {
            String former = formerColumnName(a.name(), c.name());
            if (!former.equals(c.name())) names.put(Identifiers.fold(former), c.name());
        }
        return names;
    }

    /** The name column {@code after} of table {@code table} (its name after) had before. */
    String formerColumnName(String table, String after) {
        return all.stream().filter(r -> r instanceof Rename.ColumnRename c && Identifiers.same(c.table(), table)
                        && Identifiers.same(c.to(), after))
                .map(r -> ((Rename.ColumnRename) r).from()).findFirst().orElse(after);
    }
}
