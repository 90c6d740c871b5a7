/**
 * The last stage, apply: {@link Applier} runs a plan on a database all or nothing, in one IMMEDIATE transaction with
 * foreign key enforcement set before it, and checks foreign keys and the schema it made before it commits.
 */
package io.liteshift.apply;
