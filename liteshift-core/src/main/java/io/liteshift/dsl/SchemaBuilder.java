package io.liteshift.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What {@link JavaSchema#define} hands to its lambda: declare tables, views, triggers and virtual tables on it. */
public final class SchemaBuilder {
    final List<TableBuilder> tables = new ArrayList<>();
    final List<Named> views = new ArrayList<>();
    final List<Named> virtualTables = new ArrayList<>();
    final List<TriggerBuilder> triggers = new ArrayList<>();

    /** A view or virtual table: its name, its SQL after the name, and where it was declared. */
    record Named(String name, String sql, String line) {
    }

    SchemaBuilder() {
    }

    /** A table; declare its columns, constraints and indexes in {@code body}. */
    public SchemaBuilder table(String name, Consumer<TableBuilder> body) {
        TableBuilder t = new TableBuilder(Names.require(name, "table name"));
        tables.add(t);
        body.accept(t);
        return this;
    }

    /** {@code CREATE VIEW name AS select}. */
    public SchemaBuilder view(String name, String select) {
        String sql = Names.requireSql(select, "SELECT of view " + name);
        views.add(new Named(Names.require(name, "view name"), sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql,
                Where.caller()));
        return this;
    }

    /** A trigger; say when it fires, on what, and its body in {@code body}. */
    public SchemaBuilder trigger(String name, Consumer<TriggerBuilder> body) {
        TriggerBuilder t = new TriggerBuilder(Names.require(name, "trigger name"));
        triggers.add(t);
        body.accept(t);
        return this;
    }

    /**
     * {@code CREATE VIRTUAL TABLE name USING module(arguments)}, e.g. {@code virtualTable("docs_fts", "fts5", "title",
     * "body")}. liteshift creates or drops it as declared and never rebuilds it.
     */
    public SchemaBuilder virtualTable(String name, String module, String... arguments) {
        String using = Names.require(module, "virtual table module") + "(" + String.join(", ", arguments) + ")";
        virtualTables.add(new Named(Names.require(name, "virtual table name"), using, Where.caller()));
        return this;
    }
}
