package io.liteshift.online;

import io.liteshift.plan.TableMapping;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Index;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The foreign key checks the offline rebuild makes before it commits ({@code PRAGMA foreign_key_check} of the table and
 * of the tables referencing it), made against the shadow table without a lock: the structure on empty copies in memory
 * before anything is written ("foreign key mismatch"), every row in a read transaction once the copy is done, and at
 * the swap only the rows changed since. Rows whose changes are still in the log are taken from the table as they are
 * now, so that a pending change neither hides nor invents a broken reference.
 */
final class ForeignKeys {
    private static final int SAMPLE = 5;

    private ForeignKeys() {
    }

    /** The declared table and the tables around it, created empty in memory; SQLite's own check says whether they fit. */
    static Optional<String> mismatch(Target t) {
        try (Connection m = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = m.createStatement()) {
            List<Table> around = new ArrayList<>(t.children());
            for (ForeignKey fk : t.to().foreignKeys()) {
                if (Identifiers.same(fk.refTable(), t.table())) continue;
                t.current().table(fk.refTable()).ifPresent(around::add);
            }
            s.execute(SqlText.withoutHints(t.to().sql()));
            // a parent key may be UNIQUE by an index rather than a constraint
            for (Index i : t.indexes()) if (i.unique()) s.execute(SqlText.withoutHints(i.sql()));
            for (Table other : around) {
                try {
                    s.execute(other.sql());
                } catch (SQLException e) {
                    // a table SQLite cannot create alone (a virtual table module) takes no part in the check
                }
            }
            s.executeQuery("PRAGMA foreign_key_check").close();
            return Optional.empty();
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            return m.contains("foreign key mismatch") ? Optional.of(m.substring(m.indexOf("foreign key mismatch"))) : Optional.empty();
        }
    }

    /**
     * Broken references of and to the declared table, worded like {@link io.liteshift.sqlite.ForeignKeyCheck#orphans};
     * empty when there is none.
     *
     * @param replayed the log's entries after this sequence number are pending
     * @param changedOnly only the shadow's rows named in the log (at the swap, after the last replay); else every row
     */
    static Optional<String> broken(Connection c, Target t, long replayed, boolean changedOnly) throws SQLException {
        List<String> lines = new ArrayList<>();
        String pending = "SELECT rid FROM " + Target.logQ() + " WHERE seq > " + replayed;
        String srid = t.shadowRowid();
        String scope = changedOnly ? "s." + srid + " IN (SELECT rid FROM " + Target.logQ() + ")" : "s." + srid + " NOT IN (" + pending + ")";
        for (ForeignKey fk : t.to().foreignKeys()) {
            boolean self = Identifiers.same(fk.refTable(), t.table());
            Table parent = self ? t.to() : t.current().table(fk.refTable()).orElse(null);
            List<String> keys = keyOf(fk, parent);
            if (keys == null) continue;
            String parentRows = self ? existsInShadow(t, keys, fk.columns(), "s", pending) + " AND " + existsPending(t, keys, fk.columns(), "s", pending)
                    : parent == null ? "1" : "NOT EXISTS (SELECT 1 FROM " + Identifiers.quote(parent.name()) + " p WHERE " + match(keys, fk.columns(), "s") + ")";
            String sql = "SELECT s." + srid + " FROM " + t.shadowQ() + " s WHERE " + scope + notNull(fk.columns(), "s") + " AND " + parentRows;
            sample(c, sql, t.table(), fk.refTable(), lines);
        }
        if (!changedOnly) {
            for (Table child : t.children()) {
                for (ForeignKey fk : t.foreignKeysTo(child)) {
                    List<String> keys = keyOf(fk, t.to());
                    if (keys == null) continue;
                    String rid = child.withoutRowid() ? "NULL" : "c." + TableMapping.rowidName(child);
                    String sql = "SELECT " + rid + " FROM " + Identifiers.quote(child.name()) + " c WHERE 1" + notNull(fk.columns(), "c")
                            + " AND " + existsInShadow(t, keys, fk.columns(), "c", pending) + " AND " + existsPending(t, keys, fk.columns(), "c", pending);
                    sample(c, sql, child.name(), t.table(), lines);
                }
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    /** The parent's key columns the reference names (its primary key when it names none); null when there is none. */
    private static List<String> keyOf(ForeignKey fk, Table parent) {
        if (!fk.refColumns().isEmpty()) return fk.refColumns();
        if (parent == null) return null;
        if (parent.primaryKey() != null) return parent.primaryKey().columnNames();
        return parent.rowidAlias().map(a -> List.of(a.name())).orElse(null);
    }

    private static String notNull(List<String> columns, String alias) {
        return columns.stream().map(col -> " AND " + alias + "." + Identifiers.quote(col) + " IS NOT NULL").collect(Collectors.joining());
    }

    /** The parent key column on the left: its affinity and collation decide, as in SQLite's own check. */
    private static String match(List<String> keys, List<String> columns, String alias) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < keys.size() && i < columns.size(); i++) {
            terms.add("p." + Identifiers.quote(keys.get(i)) + " = " + alias + "." + Identifiers.quote(columns.get(i)));
        }
        return String.join(" AND ", terms);
    }

    private static String existsInShadow(Target t, List<String> keys, List<String> columns, String alias, String pending) {
        return "NOT EXISTS (SELECT 1 FROM " + t.shadowQ() + " p WHERE " + match(keys, columns, alias) + " AND p." + t.shadowRowid()
                + " NOT IN (" + pending + "))";
    }

    /** No row with a pending change has the key as it is now (the key's value computed as the copy computes it). */
    private static String existsPending(Target t, List<String> keys, List<String> columns, String alias, String pending) {
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String e = t.mapping().values().get(Identifiers.fold(keys.get(i)));
            if (e == null) return "1";
            exprs.add(e + " AS " + Identifiers.quote(keys.get(i)));
        }
        return "NOT EXISTS (SELECT 1 FROM (SELECT " + String.join(", ", exprs) + " FROM " + t.tableQ() + " WHERE " + t.rowid()
                + " IN (" + pending + ")) p WHERE " + match(keys, columns, alias) + ")";
    }

    private static void sample(Connection c, String sql, String child, String parent, List<String> lines) throws SQLException {
        List<String> rowids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql + " LIMIT " + (SAMPLE + 1)); ResultSet rs = p.executeQuery()) {
            while (rs.next()) rowids.add(rs.getString(1));
        }
        if (rowids.isEmpty()) return;
        boolean more = rowids.size() > SAMPLE;
        if (more) rowids = rowids.subList(0, SAMPLE);
        lines.add("  " + (more ? "more than " + SAMPLE : String.valueOf(rowids.size())) + " row(s) of " + child + " reference no row of "
                + parent + " (rowid " + String.join(", ", rowids) + (more ? ", …" : "") + ")");
    }
}
