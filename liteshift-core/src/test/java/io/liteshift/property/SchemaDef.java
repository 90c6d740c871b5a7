package io.liteshift.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A generated schema: tables in creation order (parents before children), then indexes, views, triggers. */
record SchemaDef(List<TableDef> tables, List<IndexDef> indexes, List<ViewDef> views, List<TriggerDef> triggers) {

    SchemaDef {
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
    }

    Optional<TableDef> table(int id) {
        return tables.stream().filter(t -> t.id() == id).findFirst();
    }

    TableDef tableById(int id) {
        return table(id).orElseThrow(() -> new IllegalStateException("no table " + id));
    }

    private boolean has(int table, List<Integer> columns) {
        Optional<TableDef> t = table(table);
        return t.isPresent() && columns.stream().allMatch(c -> t.get().column(c).isPresent());
    }

    /**
     * Drops whatever refers to a table or column that is gone, and foreign keys whose parent key is no longer
     * a primary key or unique, so every schema the generators produce is one SQLite accepts and can enforce.
     */
    SchemaDef pruned() {
        List<TableDef> ts = new ArrayList<>();
        for (TableDef t : tables) {
            List<List<Integer>> uniques = t.uniques().stream().filter(u -> has(t.id(), u)).toList();
            List<ForeignKeyDef> fks = t.foreignKeys().stream()
                    .filter(f -> has(t.id(), f.columns()) && has(f.parentTable(), f.parentColumns())
                            && isKey(tableById(f.parentTable()), f.parentColumns()))
                    .toList();
            ts.add(t.withUniques(uniques).withForeignKeys(fks));
        }
        SchemaDef s = new SchemaDef(ts, indexes, views, triggers);
        return new SchemaDef(ts,
                indexes.stream().filter(i -> s.has(i.table(), i.columnIds())).toList(),
                views.stream().filter(v -> v.sources().stream().allMatch(src -> s.has(src[0], List.of(src[1])))).toList(),
                triggers.stream().filter(g -> s.has(g.table(), List.of(g.column())) && s.table(g.auditTable()).isPresent()).toList());
    }

    /** A parent key SQLite accepts: the whole primary key, or a single UNIQUE column (no expression index needed). */
    static boolean isKey(TableDef parent, List<Integer> columns) {
        if (columns.equals(parent.primaryKey())) return true;
        if (columns.size() == 1 && parent.column(columns.get(0)).map(ColumnDef::unique).orElse(false)) return true;
        return parent.uniques().contains(columns);
    }

    /**
     * The schema as SQL statements, each ending in ";\n", spelled as {@code spelling} says; {@code before} supplies
     * the old names for rename hints (null for none).
     */
    List<String> statements(SchemaDef before, boolean withTriggers, Spelling spelling) {
        List<String> out = new ArrayList<>();
        for (TableDef t : tables) out.add(tableSql(t, before == null ? Optional.empty() : before.table(t.id()), spelling));
        for (IndexDef i : indexes) out.add(indexSql(i, spelling));
        for (ViewDef v : views) out.add(viewSql(v));
        if (withTriggers) for (TriggerDef g : triggers) out.add(triggerSql(g));
        return out;
    }

    private String tableSql(TableDef t, Optional<TableDef> was, Spelling sp) {
        StringBuilder sb = new StringBuilder();
        if (was.isPresent() && !was.get().name().equals(t.name())) {
            sb.append("-- @renamed from=").append(Sql.name(was.get().name())).append('\n');
        }
        sb.append(sp.keyword("CREATE TABLE ")).append(sp.name(t.name())).append(" (\n");
        List<String> entries = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            Optional<ColumnDef> old = was.flatMap(w -> w.column(c.id()));
            boolean renamed = old.isPresent() && !old.get().name().equals(c.name());
            entries.add(columnSql(t, c, renamed ? sp.onOneLine() : sp));
            comments.add(renamed ? " -- @renamed from=" + Sql.name(old.get().name()) : "");
        }
        int columns = entries.size();
        if (!t.primaryKey().isEmpty() && !t.hasRowidAlias()) {
            entries.add(sp.keyword("PRIMARY KEY") + " (" + names(t, t.primaryKey(), sp) + ")" + sp.blockComment("key"));
        }
        for (List<Integer> u : t.uniques()) entries.add(sp.keyword("UNIQUE") + " (" + names(t, u, sp) + ")");
        for (ForeignKeyDef f : t.foreignKeys()) {
            TableDef parent = tableById(f.parentTable());
            String fk = sp.keyword("FOREIGN KEY") + " (" + names(t, f.columns(), sp) + ") " + sp.keyword("REFERENCES ") + sp.name(parent.name())
                    + " (" + names(parent, f.parentColumns(), sp) + ")";
            if (!f.onDelete().equals("NO ACTION")) fk += sp.keyword(" ON DELETE " + f.onDelete());
            if (!f.onUpdate().equals("NO ACTION")) fk += sp.keyword(" ON UPDATE " + f.onUpdate());
            entries.add(fk);
        }
        for (int i = 0; i < entries.size(); i++) {
            // between two table constraints the comma is optional in SQLite's grammar
            boolean comma = i + 1 < entries.size() && !(sp.noCommas() && i >= columns);
            sb.append("  ").append(entries.get(i)).append(comma ? "," : "");
            sb.append(i < comments.size() ? comments.get(i) : "").append('\n');
        }
        sb.append(')');
        List<String> options = new ArrayList<>();
        if (t.strict()) options.add(sp.keyword("STRICT"));
        if (t.withoutRowid()) options.add(sp.keyword("WITHOUT ROWID"));
        sb.append(options.isEmpty() ? "" : " " + String.join(", ", options)).append(";\n");
        return sb.toString();
    }

    private static String columnSql(TableDef t, ColumnDef c, Spelling sp) {
        StringBuilder sb = new StringBuilder(sp.name(c.name()));
        if (!c.type().isEmpty()) sb.append(' ').append(c.type());
        // after a generated column's type SQLite keeps the comment in the type ("unknown datatype" in a STRICT table)
        if (!c.isGenerated()) sb.append(sp.blockComment("type"));
        if (t.hasRowidAlias() && t.inPrimaryKey(c.id())) {
            sb.append(sp.keyword(" PRIMARY KEY")).append(t.autoincrement() ? sp.keyword(" AUTOINCREMENT") : "");
        }
        if (c.isGenerated()) {
            String from = sp.reference(t.columnById(c.generatedFrom()).name()); // "." is not allowed in a generated column
            sb.append(c.id() % 2 == 0 ? sp.keyword(" GENERATED ALWAYS") : "").append(sp.keyword(" AS "))
                    .append(sp.parenthesized("length(" + from + ")", "generated"))
                    .append(c.stored() ? sp.keyword(" STORED") : c.id() % 3 == 0 ? sp.keyword(" VIRTUAL") : "");
        }
        if (c.notNull()) sb.append(sp.keyword(" NOT NULL"));
        if (c.defaultSql() != null) {
            // block comments only: PRAGMA reports a DEFAULT's text, comments included, and a renamed column's is the same
            String dflt = c.defaultSql();
            sb.append(sp.keyword(" DEFAULT ")).append(dflt.startsWith("(") ? dflt.substring(0, dflt.length() - 1) + sp.blockComment("default") + ")"
                    : sp.blockComment("default").strip() + (sp.comments() ? " " : "") + dflt);
        }
        if (c.collation() != null) sb.append(sp.keyword(" COLLATE ")).append(c.collation());
        if (c.unique()) sb.append(sp.keyword(" UNIQUE"));
        if (c.checkName() != null) sb.append(sp.keyword(" CONSTRAINT ")).append(sp.name(c.checkName()));
        if (c.check() != null) {
            sb.append(sp.keyword(" CHECK ")).append(sp.parenthesized(String.format(c.check(), sp.column(t.name(), c.name())), "check"));
        }
        return sb.toString();
    }

    static String names(TableDef t, List<Integer> columnIds) {
        return names(t, columnIds, Spelling.PLAIN);
    }

    private static String names(TableDef t, List<Integer> columnIds, Spelling sp) {
        return columnIds.stream().map(id -> sp.name(t.columnById(id).name())).collect(Collectors.joining(", "));
    }

    private String indexSql(IndexDef i, Spelling sp) {
        TableDef t = tableById(i.table());
        String parts = i.parts().stream().map(p -> {
            String col = sp.reference(t.columnById(p.column()).name());
            return (p.expression() ? "lower(" + col + ")" : col) + sp.blockComment("key") + (p.descending() ? sp.keyword(" DESC") : "");
        }).collect(Collectors.joining(", "));
        return sp.keyword("CREATE ") + (i.unique() ? sp.keyword("UNIQUE ") : "") + sp.keyword("INDEX ") + sp.name(i.name()) + sp.keyword(" ON ")
                + sp.name(t.name()) + " (" + parts + ")"
                + (i.partialOn() >= 0 ? sp.keyword(" WHERE") + sp.blockComment("partial") + " "
                + sp.column(t.name(), t.columnById(i.partialOn()).name()) + sp.keyword(" IS NOT NULL") : "") + ";\n";
    }

    private String viewSql(ViewDef v) {
        TableDef t = tableById(v.table());
        String sql = "CREATE VIEW " + Sql.name(v.name()) + " AS SELECT " + names(t, v.columns()) + " FROM " + Sql.name(t.name())
                + " WHERE " + Sql.name(t.columnById(v.columns().get(0)).name()) + " IS NOT NULL";
        if (v.unionTable() >= 0) {
            TableDef u = tableById(v.unionTable());
            String column = Sql.name(u.columnById(v.unionColumn()).name());
            sql += "\n  UNION ALL SELECT " + String.join(", ", Collections.nCopies(v.columns().size(), column))
                    + " FROM " + Sql.name(u.name());
        }
        return sql + ";\n";
    }

    private String triggerSql(TriggerDef g) {
        TableDef t = tableById(g.table());
        TableDef audit = tableById(g.auditTable());
        String column = "NEW." + Sql.name(t.columnById(g.column()).name());
        return "CREATE TRIGGER " + Sql.name(g.name()) + " AFTER INSERT ON " + Sql.name(t.name())
                + (g.onlyNotNull() ? " WHEN " + column + " IS NOT NULL" : "") + " BEGIN\n"
                + "  INSERT INTO " + Sql.name(audit.name()) + " (" + names(audit, audit.columns().subList(1, 3).stream().map(ColumnDef::id).toList())
                + ") VALUES ('t" + t.id() + "', " + column + ");\nEND;\n";
    }
}
