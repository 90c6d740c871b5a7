package io.liteshift.dsl;

import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.hints.RenameHints;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A schema declared in Java. It is immutable, and it stands for the canonical DDL {@link #toSql()} renders: liteshift
 * runs that text into an in-memory SQLite and inspects it exactly like a {@code schema.sql} file, rename hints
 * included, so the two ways of declaring a schema cannot drift apart.
 *
 * <pre>{@code
 * JavaSchema schema = JavaSchema.define(s -> s
 *         .table("customers", t -> {
 *             t.column("id", INTEGER).primaryKey();
 *             t.column("email", TEXT).notNull().collate("NOCASE").unique();
 *         })
 *         .table("orders", t -> {
 *             t.column("id", INTEGER).primaryKey();
 *             t.column("customer_id", INTEGER).notNull().references("customers", "id").onDelete(CASCADE);
 *             t.index("orders_by_customer").on("customer_id");
 *         }));
 * }</pre>
 */
public final class JavaSchema {
    private final Schema model;
    private final RenameHints hints;
    private final String sql;

    JavaSchema(Schema model, RenameHints hints) {
        this.model = model;
        this.hints = hints;
        this.sql = render();
    }

    /**
     * Declares a schema. Mistakes that need no database (a reference to an undeclared table or column, a duplicate
     * name, AUTOINCREMENT on a TEXT key, ...) fail here, all at once, each naming the table, the column, the line
     * of the declaration and the fix.
     */
    public static JavaSchema define(Consumer<SchemaBuilder> declarations) {
        SchemaBuilder builder = new SchemaBuilder();
        declarations.accept(builder);
        return Assembler.assemble(builder);
    }

    /** The canonical DDL, with rename hints as the {@code -- @renamed from=old} comments schema files use. */
    public String toSql() {
        return sql;
    }

    /** The declared tables' names, in declaration order. */
    public List<String> tableNames() {
        return model.tables().stream().map(Table::name).toList();
    }

    /** The schema as liteshift models it: {@link #toSql()} run into an in-memory SQLite and inspected. */
    public DeclaredSchema declared() {
        return declared("the schema declared in Java");
    }

    DeclaredSchema declared(String origin) {
        return DeclaredSchema.ofText(origin + " (as SQL)", sql, origin);
    }

    private String render() {
        List<String> statements = new ArrayList<>();
        for (Table t : model.tables()) {
            String from = hints.tableRenamedFrom(t.name()).map(old -> hint(old) + "\n").orElse("");
            statements.add(from + t.toString(c -> hints.columnRenamedFrom(t.name(), c.name()).map(JavaSchema::hint).orElse(null)));
        }
        model.virtualTables().forEach(v -> statements.add(v.toString()));
        model.indexes().forEach(i -> statements.add(i.toString()));
        model.views().forEach(v -> statements.add(v.toString()));
        model.triggers().forEach(t -> statements.add(t.toString()));
        return String.join(";\n\n", statements) + (statements.isEmpty() ? "" : ";\n");
    }

    private static String hint(String oldName) {
        return "-- @renamed from=" + Identifiers.quote(oldName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JavaSchema other && other.sql.equals(sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }

    /** The same as {@link #toSql()}. */
    @Override
    public String toString() {
        return sql;
    }
}
