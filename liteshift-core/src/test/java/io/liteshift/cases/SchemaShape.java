package io.liteshift.cases;

import io.liteshift.testing.TestDb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The comparable shape of a database schema, read from SQLite's own PRAGMAs (table_xinfo, foreign_key_list,
 * index_list, index_xinfo, table_list) plus normalised text where SQLite keeps nothing else. Two databases have
 * the same schema when their shapes are equal. This is the test oracle: it never calls the engine.
 */
final class SchemaShape {
    private static final Pattern VIRTUAL = Pattern.compile("^\\s*create\\s+virtual", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTOINCREMENT = Pattern.compile("\\bautoincrement\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE = Pattern.compile("\\bwhere\\b(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String NAME = "(?:\"(?:[^\"]|\"\")*\"|\\[[^\\]]*]|`[^`]*`|\\S+)";
    private static final Pattern VIEW_HEAD = Pattern.compile(
            "^\\s*create\\s+(?:temp\\s+|temporary\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s+as\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Sections (tables, indexes, views, triggers) to object name to attribute to value. */
    final Map<String, Map<String, Object>> sections = new TreeMap<>();
    /** Column order per table: reported, not judged (SQLite cannot insert a column in the middle natively). */
    final Map<String, List<String>> columnOrder = new TreeMap<>();

    private SchemaShape() {
        for (String s : List.of("tables", "indexes", "views", "triggers")) sections.put(s, new TreeMap<>());
    }

    static SchemaShape of(Connection c) throws SQLException {
        SchemaShape shape = new SchemaShape();
        List<List<Object>> entries = TestDb.rows(c, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
        Set<String> virtual = new TreeSet<>();
        for (List<Object> e : entries) {
            if ("table".equals(e.get(0)) && e.get(3) != null && VIRTUAL.matcher((String) e.get(3)).find()) {
                virtual.add(DatabaseContent.lower((String) e.get(1)));
            }
        }
        Map<String, String> collations = ColumnCollations.of(entries);
        for (List<Object> e : entries) {
            String type = (String) e.get(0);
            String name = (String) e.get(1);
            String sql = (String) e.get(3);
            String key = DatabaseContent.lower(name);
            if (DatabaseContent.isToolName(name) || isShadow(key, virtual)) continue;
            switch (type) {
                case "table" -> shape.sections.get("tables").put(key, virtual.contains(key)
                        ? Map.of("virtual", SqlNormal.sql(sql))
                        : shape.table(c, name, sql, collations));
                case "index" -> {
                    if (sql != null) shape.sections.get("indexes").put(key, index(c, name, (String) e.get(2), sql));
                }
                case "view" -> shape.sections.get("views").put(key, SqlNormal.sql(VIEW_HEAD.matcher(sql).replaceFirst("")));
                case "trigger" -> shape.sections.get("triggers").put(key, SqlNormal.sql(sql));
                default -> { }
            }
        }
        return shape;
    }

    private Map<String, Object> table(Connection c, String name, String sql, Map<String, String> collations) throws SQLException {
        Map<String, Object> t = new TreeMap<>();
        List<String> columns = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (List<Object> col : TestDb.rows(c, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid", name)) {
            String colName = DatabaseContent.lower((String) col.get(0));
            order.add(colName);
            columns.add(String.join(" ", colName,
                    "type=" + (col.get(1) == null ? "" : ((String) col.get(1)).toUpperCase(Locale.ROOT)),
                    "notnull=" + col.get(2),
                    "default=" + SqlNormal.defaultValue((String) col.get(3)),
                    "pk=" + col.get(4),
                    "hidden=" + col.get(5),
                    "collate=" + collations.getOrDefault(DatabaseContent.lower(name) + "." + colName, "?")));
        }
        columnOrder.put(DatabaseContent.lower(name), order);
        columns.sort(null);
        t.put("columns", columns);
        t.put("foreign_keys", foreignKeys(c, name));
        t.put("unique_constraints", automaticIndexes(c, name));
        t.put("checks", SqlNormal.checks(sql));
        t.put("autoincrement", AUTOINCREMENT.matcher(sql).find());
        List<List<Object>> tl = TestDb.rows(c, "SELECT wr, strict FROM pragma_table_list WHERE schema = 'main' AND name = ?", name);
        t.put("without_rowid", tl.isEmpty() ? "?" : tl.get(0).get(0).toString());
        t.put("strict", tl.isEmpty() ? "?" : tl.get(0).get(1).toString());
        return t;
    }

    private static List<String> foreignKeys(Connection c, String table) throws SQLException {
        Map<Integer, List<List<Object>>> byId = new TreeMap<>();
        for (List<Object> r : TestDb.rows(c, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list(?)", table)) {
            byId.computeIfAbsent(((Number) r.get(0)).intValue(), k -> new ArrayList<>()).add(r);
        }
        List<String> out = new ArrayList<>();
        for (List<List<Object>> fk : byId.values()) {
            fk.sort(Comparator.comparingInt(r -> ((Number) r.get(1)).intValue()));
            out.add(fk.stream().map(r -> String.join(" ",
                            "ref=" + lowerOrNull(r.get(2)), "from=" + lowerOrNull(r.get(3)), "to=" + lowerOrNull(r.get(4)),
                            "update=" + r.get(5), "delete=" + r.get(6), "match=" + r.get(7)))
                    .collect(Collectors.joining(", ", "[", "]")));
        }
        out.sort(null);
        return out;
    }

    /** The indexes SQLite creates for PRIMARY KEY and UNIQUE constraints (named sqlite_autoindex_*). */
    private static List<String> automaticIndexes(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<Object> il : TestDb.rows(c, "SELECT name, \"unique\", origin FROM pragma_index_list(?)", table)) {
            String origin = (String) il.get(2);
            if (!origin.equals("u") && !origin.equals("pk")) continue;
            out.add(origin + " unique=" + il.get(1) + " " + keyColumns(c, (String) il.get(0)));
        }
        out.sort(null);
        return out;
    }

    private static Map<String, Object> index(Connection c, String name, String table, String sql) throws SQLException {
        Map<String, Object> ix = new TreeMap<>();
        ix.put("table", DatabaseContent.lower(table));
        List<List<Object>> il = TestDb.rows(c, "SELECT \"unique\", partial FROM pragma_index_list(?) WHERE name = ?", table, name);
        ix.put("unique", il.isEmpty() ? "?" : il.get(0).get(0).toString());
        Matcher where = WHERE.matcher(sql);
        ix.put("where", where.find() ? SqlNormal.sql(where.group(1)) : "");
        List<String> cols = keyColumns(c, name);
        ix.put("columns", cols);
        boolean expression = cols.stream().anyMatch(s -> s.startsWith("<expr>"));
        ix.put("expression", expression ? SqlNormal.sql(WHERE.matcher(sql.substring(sql.indexOf('('))).replaceFirst("")) : "");
        return ix;
    }

    private static List<String> keyColumns(Connection c, String index) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<Object> x : TestDb.rows(c, "SELECT name, \"desc\", coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", index)) {
            out.add((x.get(0) == null ? "<expr>" : DatabaseContent.lower((String) x.get(0)))
                    + (((Number) x.get(1)).intValue() == 1 ? " desc" : "") + " collate " + lowerOrNull(x.get(2)));
        }
        return out;
    }

    private static boolean isShadow(String name, Set<String> virtual) {
        return virtual.stream().anyMatch(v -> name.startsWith(v + "_"));
    }

    private static String lowerOrNull(Object o) {
        return o == null ? null : DatabaseContent.lower(o.toString());
    }

    /** Every difference between two shapes as "path: got X want Y"; empty when the schemas are equal. */
    static List<String> differences(SchemaShape got, SchemaShape want) {
        List<String> out = new ArrayList<>();
        compare(got.sections, want.sections, "", out);
        return out;
    }

    /** Tables whose columns match but come in another order (a note, not a failure). */
    static List<String> orderNotes(SchemaShape got, SchemaShape want) {
        List<String> out = new ArrayList<>();
        for (var e : got.columnOrder.entrySet()) {
            List<String> w = want.columnOrder.get(e.getKey());
            if (w != null && !w.equals(e.getValue()) && new TreeSet<>(w).equals(new TreeSet<>(e.getValue()))) {
                out.add("column order of " + e.getKey() + " differs: got " + e.getValue() + " want " + w);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void compare(Object a, Object b, String path, List<String> out) {
        if (a instanceof Map && b instanceof Map) {
            Map<String, Object> ma = (Map<String, Object>) a;
            Map<String, Object> mb = (Map<String, Object>) b;
            for (String k : new TreeSet<>(union(ma.keySet(), mb.keySet()))) {
                if (!ma.containsKey(k)) out.add(path + "/" + k + ": missing in got");
                else if (!mb.containsKey(k)) out.add(path + "/" + k + ": unexpected in got");
                else compare(ma.get(k), mb.get(k), path + "/" + k, out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(path + ": got " + a + " want " + b);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
