package io.liteshift.online;

import io.liteshift.schema.Index;
import io.liteshift.schema.IndexedColumn;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.View;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.SqlText;
import io.liteshift.sqlite.Databases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The swap, inside the caller's one short write transaction, once every change is replayed: the capture triggers and
 * the log go, the views and triggers that read the table are dropped, the old table is renamed aside (kept, to be
 * emptied later, because dropping it would free all its pages under this lock), the shadow takes the table's name, the
 * indexes their declared names, and the AUTOINCREMENT counter, views and triggers are made as the offline rebuild
 * makes them. Nothing here reads or writes rows, except the counter's max(rowid).
 * <p>
 * The old table is renamed with {@code legacy_alter_table} ON and foreign keys off, the one setting in which SQLite
 * leaves the REFERENCES clauses of other tables alone (https://sqlite.org/lang_altertable.html#altertabrename): the
 * children keep referencing the name, which the shadow then takes. The shadow is renamed in the modern way, as the
 * offline rebuild renames its new table, so its CREATE TABLE text is the offline one. SQLite cannot rename an index,
 * so the old indexes and the shadow's temporarily named ones get their names by an UPDATE of sqlite_schema
 * ({@code writable_schema}) that changes only their name and text, never their root page: the texts describe the
 * same index under another name, and the ALTER TABLEs of the same transaction change the schema cookie, so every
 * other connection reloads the schema. The same UPDATE turns the tables of the indexes built in key order into those
 * indexes, and the old table's indexes into WITHOUT ROWID tables of the same records ({@link OldIndex}): a table and
 * an index of those records are one b-tree, so nothing is copied either way. An index of the old table that the
 * declared table has too ({@link ReusedIndex}) just moves to the new table under its declared name and text.
 */
final class CutOver {
    private CutOver() {
    }

    static void swap(Connection c, Target t, List<SortedIndex> sorted, List<ReusedIndex> reused) throws SQLException {
        for (String trigger : Capture.names()) Databases.exec(c, "DROP TRIGGER IF EXISTS " + Identifiers.forceQuote(trigger));
        Databases.exec(c, "DROP TABLE " + Target.logQ());
        List<View> views = t.readingViews();
        List<Trigger> triggers = t.readingTriggers(views);
        for (Trigger tr : triggers) Databases.exec(c, "DROP TRIGGER IF EXISTS " + Identifiers.quote(tr.name()));
        for (View v : views) Databases.exec(c, "DROP VIEW IF EXISTS " + Identifiers.quote(v.name()));

        Map<String, String> oldIndexes = explicitIndexes(c, t.table());
        oldIndexes.keySet().removeIf(name -> ReusedIndex.takes(reused, name));
        Map<String, String> oldAsTables = new LinkedHashMap<>();
        for (String name : oldIndexes.keySet()) {
            Optional<IndexedColumn> first = t.current().indexesOf(t.table()).stream().filter(i -> Identifiers.same(i.name(), name))
                    .findFirst().map(i -> i.keys().get(0));
            OldIndex.tableSql(c, t.table(), name, first).ifPresent(sql -> oldAsTables.put(name, sql));
        }
        boolean counterMissing = t.to().autoincrement() && Sql.one(c, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'") == 0;
        Databases.exec(c, "PRAGMA legacy_alter_table = ON");
        try {
            Databases.exec(c, "ALTER TABLE " + t.tableQ() + " RENAME TO " + t.oldQ());
        } finally {
            Databases.exec(c, "PRAGMA legacy_alter_table = OFF");
        }
        Databases.exec(c, "ALTER TABLE " + t.shadowQ() + " RENAME TO " + Identifiers.quote(t.to().name()));
        renameIndexes(c, t, oldIndexes, oldAsTables, sorted, reused);
        if (counterMissing) becomeAutoincrement(c, t);
        counter(c, t);
        for (View v : views) {
            Optional<View> declared = t.declared().view(v.name());
            createOrSkip(c, declared.map(View::sql).orElse(v.sql()), declared.isPresent());
        }
        for (Trigger tr : t.declared().triggersOf(t.to().name())) Databases.exec(c, tr.sql());
        for (Trigger tr : triggers) {
            if (Identifiers.same(tr.table(), t.table())) continue;
            Optional<Trigger> declared = t.declared().triggers().stream().filter(d -> Identifiers.same(d.name(), tr.name())).findFirst();
            createOrSkip(c, declared.map(Trigger::sql).orElse(tr.sql()), declared.isPresent());
        }
    }

    /** A view or trigger that is not declared any more is made again only if it still works; the plan drops it anyway. */
    private static void createOrSkip(Connection c, String sql, boolean declared) throws SQLException {
        try {
            Databases.exec(c, sql);
        } catch (SQLException e) {
            if (declared) throw e;
        }
    }

    private static Map<String, String> explicitIndexes(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * The old table's indexes become WITHOUT ROWID tables of the same entries (drained in key order later) or, when they
     * may hold a NULL key, go aside with the old table; the shadow's
     * get their declared names, and the tables of the indexes built in key order become those indexes.
     */
    private static void renameIndexes(Connection c, Target t, Map<String, String> oldIndexes, Map<String, String> oldAsTables,
                                      List<SortedIndex> sorted, List<ReusedIndex> reused) throws SQLException {
        List<String[]> renames = new ArrayList<>(); // type now, name now, new type, new name, table, new text
        for (Map.Entry<String, String> e : oldIndexes.entrySet()) {
            String asTable = oldAsTables.get(e.getKey());
            if (asTable != null) {
                String aside = OldIndex.PREFIX + e.getKey();
                renames.add(new String[] {"index", e.getKey(), "table", aside, aside, asTable.replace(OldIndex.NAME, Identifiers.forceQuote(aside))});
            } else {
                String aside = "_liteshift_old_" + e.getKey();
                renames.add(new String[] {"index", e.getKey(), "index", aside, t.old(), IndexText.renamed(e.getValue(),
                        Identifiers.forceQuote(aside), t.oldQ())});
            }
        }
        List<String> sortedNames = sorted.stream().map(s -> Identifiers.fold(s.declared().name())).toList();
        for (Index i : t.indexes()) {
            String text = IndexText.stored(SqlText.withoutHints(i.sql()), i.unique());
            Optional<ReusedIndex> handed = reused.stream().filter(r -> Identifiers.same(r.declared().name(), i.name())).findFirst();
            if (handed.isPresent()) {
                renames.add(new String[] {"index", handed.get().current(), "index", i.name(), t.to().name(), text});
            } else if (sortedNames.contains(Identifiers.fold(i.name()))) {
                renames.add(new String[] {"table", SortedIndex.PREFIX + i.name(), "index", i.name(), t.to().name(), text});
            } else {
                renames.add(new String[] {"index", Target.tempIndexName(i), "index", i.name(), t.to().name(), text});
            }
        }
        if (renames.isEmpty()) return;
        Databases.exec(c, "PRAGMA writable_schema = ON");
        // each row also moves to the end of sqlite_schema: SQLite reads the schema in rowid order and wants an index after
        // its table, and a handed-over index's row comes before the new table's
        try (PreparedStatement p = c.prepareStatement("UPDATE sqlite_schema SET type = ?3, name = ?4, tbl_name = ?5, sql = ?6,"
                + " rowid = (SELECT max(rowid) + 1 FROM sqlite_schema) WHERE type = ?1 AND name = ?2")) {
            for (String[] r : renames) {
                if (Sql.update(p, (Object[]) r) != 1) throw new SQLException("the " + r[0] + " " + r[1] + " to rename is not in sqlite_schema");
            }
        } finally {
            Databases.exec(c, "PRAGMA writable_schema = RESET");
        }
    }

    /**
     * Gives a shadow that was built without AUTOINCREMENT ({@link Target#shadowSql}) the keyword: SQLite's
     * sqlite_sequence is made the way SQLite makes it (a table with AUTOINCREMENT, dropped again at once), and the
     * table's text becomes the offline one. AUTOINCREMENT changes how new rowids are chosen, not how the table is stored.
     */
    private static void becomeAutoincrement(Connection c, Target t) throws SQLException {
        String scratch = Identifiers.forceQuote("_liteshift_online_counter");
        Databases.exec(c, "CREATE TABLE " + scratch + " (id INTEGER PRIMARY KEY AUTOINCREMENT)");
        Databases.exec(c, "DROP TABLE " + scratch);
        Databases.exec(c, "PRAGMA writable_schema = ON");
        try (PreparedStatement p = c.prepareStatement("UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1")) {
            if (Sql.update(p, t.to().name(), t.finalTableSql()) != 1) throw new SQLException("the table " + t.to().name() + " is not in sqlite_schema");
        } finally {
            Databases.exec(c, "PRAGMA writable_schema = RESET");
        }
    }

    /**
     * The AUTOINCREMENT counter as the offline rebuild leaves it: the copy's (the largest rowid, 0 without rows),
     * raised to the old table's when both tables count. The shadow's own counter also saw rows copied and deleted again.
     */
    private static void counter(Connection c, Target t) throws SQLException {
        if (!t.to().autoincrement()) return;
        String name = Identifiers.literal(t.to().name());
        String old = Identifiers.literal(t.old());
        Databases.exec(c, "DELETE FROM sqlite_sequence WHERE name = " + name);
        // the offline copy's INSERT ... SELECT leaves a counter even when it copies no row: 0
        Databases.exec(c, "INSERT INTO sqlite_sequence (name, seq) SELECT " + name + ", coalesce(max(" + t.shadowRowid() + "), 0) FROM "
                + Identifiers.quote(t.to().name()));
        if (!t.from().autoincrement()) return;
        Databases.exec(c, "INSERT INTO sqlite_sequence (name, seq) SELECT " + name + ", seq FROM sqlite_sequence WHERE name = " + old
                + " AND seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = " + name + ")");
        Databases.exec(c, "UPDATE sqlite_sequence SET seq = max(coalesce(seq, 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = "
                + old + "), 0)) WHERE name = " + name);
    }
}
