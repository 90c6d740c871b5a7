package io.liteshift.property;

/**
 * One generated column. {@code id} is stable across the evolution (renames change only the name), so the
 * oracle can pair each column of schema B with the column of schema A it came from.
 *
 * @param type       declared type, "" for none
 * @param defaultSql the DEFAULT expression, or null
 * @param check      a CHECK expression template with {@code %s} for the quoted column name, or null
 */
record ColumnDef(int id, String name, String type, boolean notNull, String defaultSql, boolean unique, String check) {

    ColumnDef withName(String n) {
        return new ColumnDef(id, n, type, notNull, defaultSql, unique, check);
    }

    ColumnDef withType(String t) {
        return new ColumnDef(id, name, t, notNull, defaultSql, unique, check);
    }

    ColumnDef withNotNull(boolean nn) {
        return new ColumnDef(id, name, type, nn, defaultSql, unique, check);
    }

    ColumnDef withDefault(String d) {
        return new ColumnDef(id, name, type, notNull, d, unique, check);
    }

    ColumnDef withUnique(boolean u) {
        return new ColumnDef(id, name, type, notNull, defaultSql, u, check);
    }

    ColumnDef withCheck(String c) {
        return new ColumnDef(id, name, type, notNull, defaultSql, unique, c);
    }

    ValueKind kind() {
        return ValueKind.of(type);
    }
}
