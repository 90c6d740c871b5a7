/**
 * The runbook's "test it first", for real: {@link Rehearsal} applies the pending migrations to an online copy of the
 * database, measuring each, and verifies the copy; the original is never written.
 */
package io.liteshift.rehearse;
