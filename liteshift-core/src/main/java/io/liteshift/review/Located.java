package io.liteshift.review;

/**
 * A finding with the place the page shows it at.
 *
 * @param migration the 1-based position of its migration
 * @param file      that migration's file name
 * @param anchor    the id of the finding on the page ({@code m2-f1}), what the summary links to
 */
record Located(int migration, String file, Finding finding, String anchor) {

    /** "0002_x.sql:12", or the file alone for a finding about the whole file. */
    String where() {
        return file + (finding.line() > 0 ? ":" + finding.line() : "");
    }

    /** "0002_x.sql:12 [not-null]". */
    String reference() {
        return where() + " [" + finding.code() + "]";
    }
}
