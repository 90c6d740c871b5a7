package io.liteshift.dsl;

/**
 * A schema declared in Java, found by class name ({@code --schema-class}, {@code schema_class} in liteshift.toml,
 * or {@code Configuration.schemaClass(...)}). The class needs a public no-argument constructor.
 *
 * <pre>{@code
 * public final class AppSchema implements SchemaDefinition {
 *     public JavaSchema schema() {
 *         return JavaSchema.define(s -> s.table("customers", t -> {
 *             t.column("id", SqliteType.INTEGER).primaryKey();
 *             t.column("email", SqliteType.TEXT).notNull().unique();
 *         }));
 *     }
 * }
 * }</pre>
 *
 * A class may instead have one public static method without parameters that returns a {@link JavaSchema}.
 */
public interface SchemaDefinition {

    /** The schema the database should have. */
    JavaSchema schema();
}
