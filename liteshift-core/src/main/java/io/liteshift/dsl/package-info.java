/**
 * A schema declared in Java: {@link JavaSchema#define} and its builders, or a {@link SchemaDefinition} found by
 * class name, rendered as canonical DDL that goes through the same inspection as a {@code schema.sql} file.
 */
package io.liteshift.dsl;
