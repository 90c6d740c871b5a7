/**
 * Diagnoses the runbook's common production errors before they bite: {@link Doctor} looks at the database file, who
 * may write it, damage, the migrations against it, settings and free disk, and reports each as a finding with what
 * it found, the cause and the fix. It reads; it never writes.
 */
package io.liteshift.doctor;
