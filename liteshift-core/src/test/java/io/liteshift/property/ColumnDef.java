package io.liteshift.property;

/**
 * One generated column. {@code id} is stable across the evolution (renames change only the name), so the
 * oracle can pair each column of schema B with the column of schema A it came from.
 *
 * @param type       declared type, "" for none
 * @param defaultSql the DEFAULT expression, or null
 * @param check      a CHECK expression template with {@code %s} for the quoted column name, or null
 * @param checkName  the CHECK's constraint name, or null for an unnamed one
 * @param collation  COLLATE NOCASE / RTRIM, or null for the default BINARY
 */
record ColumnDef(int id, String name, String type, boolean notNull, String defaultSql, boolean unique, String check,
                 String checkName, String collation) {

    ColumnDef(int id, String name, String type, boolean notNull, String defaultSql, boolean unique, String check) {
        this(id, name, type, notNull, defaultSql, unique, check, null, null);
    }

    ColumnDef withName(String n) {
        return new ColumnDef(id, n, type, notNull, defaultSql, unique, check, checkName, collation);
    }

    ColumnDef withType(String t) {
        return new ColumnDef(id, name, t, notNull, defaultSql, unique, check, checkName, collation);
    }

    ColumnDef withNotNull(boolean nn) {
        return new ColumnDef(id, name, type, nn, defaultSql, unique, check, checkName, collation);
    }

    ColumnDef withDefault(String d) {
        return new ColumnDef(id, name, type, notNull, d, unique, check, checkName, collation);
    }

    ColumnDef withUnique(boolean u) {
        return new ColumnDef(id, name, type, notNull, defaultSql, u, check, checkName, collation);
    }

    ColumnDef withCheck(String c, String cName) {
        return new ColumnDef(id, name, type, notNull, defaultSql, unique, c, c == null ? null : cName, collation);
    }

    ColumnDef withCollation(String coll) {
        return new ColumnDef(id, name, type, notNull, defaultSql, unique, check, checkName, coll);
    }

    ValueKind kind() {
        return ValueKind.of(type);
    }
}
