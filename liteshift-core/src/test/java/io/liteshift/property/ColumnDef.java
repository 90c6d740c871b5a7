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
 * @param generatedFrom for a generated column {@code length(other)}, the other column's id; -1 for a plain column
 * @param stored     a STORED (not VIRTUAL) generated column
 */
record ColumnDef(int id, String name, String type, boolean notNull, String defaultSql, boolean unique, String check,
                 String checkName, String collation, int generatedFrom, boolean stored) {

    ColumnDef(int id, String name, String type, boolean notNull, String defaultSql, boolean unique, String check) {
        this(id, name, type, notNull, defaultSql, unique, check, null, null, -1, false);
    }

    static ColumnDef generated(int id, String name, String type, int from, boolean stored) {
        return new ColumnDef(id, name, type, false, null, false, null, null, null, from, stored);
    }

    boolean isGenerated() {
        return generatedFrom >= 0;
    }

    ColumnDef withStored(boolean s) {
        return new ColumnDef(id, name, type, notNull, defaultSql, unique, check, checkName, collation, generatedFrom, s);
    }

    ColumnDef withName(String n) {
        return new ColumnDef(id, n, type, notNull, defaultSql, unique, check, checkName, collation, generatedFrom, stored);
    }

    ColumnDef withType(String t) {
        return new ColumnDef(id, name, t, notNull, defaultSql, unique, check, checkName, collation, generatedFrom, stored);
    }

    ColumnDef withNotNull(boolean nn) {
        return new ColumnDef(id, name, type, nn, defaultSql, unique, check, checkName, collation, generatedFrom, stored);
    }

    ColumnDef withDefault(String d) {
        return new ColumnDef(id, name, type, notNull, d, unique, check, checkName, collation, generatedFrom, stored);
    }

    ColumnDef withUnique(boolean u) {
        return new ColumnDef(id, name, type, notNull, defaultSql, u, check, checkName, collation, generatedFrom, stored);
    }

    ColumnDef withCheck(String c, String cName) {
        return new ColumnDef(id, name, type, notNull, defaultSql, unique, c, c == null ? null : cName, collation, generatedFrom, stored);
    }

    ColumnDef withCollation(String coll) {
        return new ColumnDef(id, name, type, notNull, defaultSql, unique, check, checkName, coll, generatedFrom, stored);
    }

    ValueKind kind() {
        return ValueKind.of(type);
    }
}
