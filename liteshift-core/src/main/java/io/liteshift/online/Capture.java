package io.liteshift.online;

import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The triggers that record which rows the application changes, into the change log. They append rowids to a table
 * whose key is a sequence SQLite assigns, with no other constraint, so there is no conflict that could fail or reject
 * the application's write (an outer INSERT OR ABORT would impose its policy on an OR IGNORE inside the trigger; with
 * nothing to conflict, no policy matters); the copier applies the changes. An UPDATE logs the old and the new rowid (a changed rowid is a delete and an insert).
 * <p>
 * A REPLACE conflict (INSERT OR REPLACE, UPDATE OR REPLACE, REPLACE INTO) deletes the rows whose UNIQUE keys the new row
 * takes, and with {@code recursive_triggers} off (SQLite's default) that delete fires no DELETE trigger. BEFORE
 * INSERT and BEFORE UPDATE triggers therefore log the rows that hold the new row's value of each UNIQUE key (for the
 * key's collation) before the conflict is resolved: a row logged that way and not deleted is copied again unchanged.
 * Keys on expressions are not looked up; docs/online.md says so.
 * <p>
 * For the indexes built in key order ({@link SortedIndex}) an UPDATE or DELETE also logs the row's old key values: the
 * replay deletes the entry they name, which the current row no longer tells.
 */
final class Capture {
    private Capture() {
    }

    static List<String> names() {
        return List.of("ins", "upd", "del", "ins_keys", "upd_keys").stream().map(n -> Target.TRIGGER_PREFIX + n).toList();
    }

    /** The CREATE TRIGGER statements for {@code t}, reading its UNIQUE keys from {@code conn}. */
    static List<String> triggers(Connection conn, Target t, List<SortedIndex> sorted) throws SQLException {
        List<String> logColumns = new ArrayList<>(List.of("rid"));
        List<String> keys = new ArrayList<>();
        for (SortedIndex s : sorted) {
            logColumns.addAll(s.logColumns());
            keys.addAll(s.keyColumns());
        }
        String on = " ON " + t.tableQ() + " BEGIN INSERT INTO " + Target.logQ() + " (" + String.join(", ", logColumns) + ") ";
        String r = t.rowid();
        String noKeys = keys.stream().map(k -> ", NULL").reduce("", String::concat);
        String oldKeys = keys.stream().map(k -> ", OLD." + k).reduce("", String::concat);
        List<String> out = new ArrayList<>();
        out.add(create("ins", "AFTER INSERT") + on + "VALUES (NEW." + r + noKeys + "); END");
        out.add(create("upd", "AFTER UPDATE") + on + "VALUES (OLD." + r + oldKeys + "), (NEW." + r + noKeys + "); END");
        out.add(create("del", "AFTER DELETE") + on + "VALUES (OLD." + r + oldKeys + "); END");
        String keyColumns = keys.stream().map(k -> ", " + k).reduce("", String::concat);
        List<String> holders = new ArrayList<>(keyHolders(conn, t, keyColumns));
        // a REPLACE on the rowid deletes the row that held it too, and the key-ordered indexes need its old key values
        if (!sorted.isEmpty()) holders.add("SELECT " + r + keyColumns + " FROM " + t.tableQ() + " WHERE " + r + " = NEW." + r);
        if (!holders.isEmpty()) {
            String select = String.join(" UNION ", holders);
            out.add(create("ins_keys", "BEFORE INSERT") + on + select + "; END");
            out.add(create("upd_keys", "BEFORE UPDATE") + on + select + "; END");
        }
        return out;
    }

    private static String create(String suffix, String when) {
        return "CREATE TRIGGER " + Identifiers.forceQuote(Target.TRIGGER_PREFIX + suffix) + " " + when;
    }

    /** For each UNIQUE key of the table on columns: the SELECT of the rowid of the row holding NEW's value. */
    private static List<String> keyHolders(Connection conn, Target t, String keyColumns) throws SQLException {
        List<String> out = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM pragma_index_list(" + Identifiers.literal(t.table()) + ") WHERE \"unique\"")) {
            while (rs.next()) unique.add(rs.getString(1));
        }
        for (String index : unique) {
            List<String> terms = new ArrayList<>();
            boolean onColumns = true;
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT cid, name, coll FROM pragma_index_xinfo(" + Identifiers.literal(index) + ") WHERE key ORDER BY seqno")) {
                while (rs.next()) {
                    if (rs.getInt(1) < 0) {
                        onColumns = false; // the rowid (a conflict on it is logged by the AFTER trigger) or an expression
                        break;
                    }
                    String col = Identifiers.quote(rs.getString(2));
                    terms.add(col + " = NEW." + col + " COLLATE " + Identifiers.quote(rs.getString(3)));
                }
            }
            if (onColumns && !terms.isEmpty()) {
                out.add("SELECT " + t.rowid() + keyColumns + " FROM " + t.tableQ() + " WHERE " + String.join(" AND ", terms));
            }
        }
        return out;
    }
}
