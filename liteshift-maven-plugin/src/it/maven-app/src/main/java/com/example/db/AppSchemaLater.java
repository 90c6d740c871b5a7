package com.example.db;

import io.liteshift.dsl.JavaSchema;
import io.liteshift.dsl.SchemaDefinition;

import static io.liteshift.dsl.Action.CASCADE;
import static io.liteshift.dsl.SqliteType.INTEGER;
import static io.liteshift.dsl.SqliteType.TEXT;

/**
 * AppSchemaNext changed once more, with no migration generated for it: tasks get a priority. The example's build
 * (the repository check bound to `verify`) must fail on it.
 */
public final class AppSchemaLater implements SchemaDefinition {
    @Override
    public JavaSchema schema() {
        return JavaSchema.define(s -> s
                .table("projects", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("name", TEXT).notNull().collate("NOCASE").unique();
                    t.column("created_at", TEXT).notNull().defaultExpression("CURRENT_TIMESTAMP");
                })
                .table("tasks", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("project_id", INTEGER).notNull().references("projects", "id").onDelete(CASCADE);
                    t.column("title", TEXT).notNull();
                    t.column("done", INTEGER).notNull().defaultValue(0).check("done IN (0, 1)");
                    t.column("due_on", TEXT);
                    t.column("priority", INTEGER).notNull().defaultValue(0);
                    t.index("tasks_by_project").on("project_id");
                })
                .view("open_tasks", "SELECT p.name AS project, t.title FROM tasks t JOIN projects p ON p.id = t.project_id"
                        + " WHERE t.done = 0"));
    }
}
