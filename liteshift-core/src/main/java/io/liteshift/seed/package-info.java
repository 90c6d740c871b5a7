/**
 * Seed data after migrating: {@link Seeds} runs the {@code .sql} files of a directory and Java {@link Seeder}s, each
 * once per database (repeatable ones again when they change), recorded in {@code liteshift_seeds}.
 */
package io.liteshift.seed;
