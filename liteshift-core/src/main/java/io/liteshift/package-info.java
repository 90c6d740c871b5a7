/**
 * The facade: {@link LiteShift} is the one way in for Java code and every front end ({@code push}, {@code diff} and
 * {@code pull}, and through {@code configure()...load()} the migration commands), with what it takes and returns
 * ({@link SchemaSource}, the options and results); beside it, the words every package uses to fail and to name the
 * fix ({@link LiteShiftException}, {@link Fix}, {@link Interruption}, {@link Owner}).
 */
package io.liteshift;
