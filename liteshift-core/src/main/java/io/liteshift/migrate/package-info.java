/**
 * Versioned migrations on top of the pipeline: the migrations directory with its integrity file and snapshots, the
 * journal of applied migrations, the {@link History} that sets them against each other, {@link Migrator}, which
 * applies each pending migration once with its journal row in one transaction, {@link Generator}, which writes them,
 * and {@link Verifier} ({@code status}, {@code verify}).
 */
package io.liteshift.migrate;
