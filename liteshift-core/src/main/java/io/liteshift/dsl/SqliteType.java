package io.liteshift.dsl;

/**
 * The column types a STRICT table accepts, which are also the names of SQLite's storage classes and affinities.
 * Any other declared type ({@code "VARCHAR(80)"}, {@code "DATETIME"}) can be given as text to
 * {@link TableBuilder#column(String, String)}.
 */
public enum SqliteType {
    INTEGER, INT, TEXT, REAL, BLOB, NUMERIC, ANY;

    /** The types {@code STRICT} tables accept (sqlite.org/stricttables.html). */
    static boolean allowedInStrict(String declared) {
        for (String ok : new String[]{"INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"}) {
            if (ok.equalsIgnoreCase(declared)) return true;
        }
        return false;
    }
}
