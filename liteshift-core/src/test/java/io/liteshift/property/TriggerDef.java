package io.liteshift.property;

/**
 * {@code AFTER INSERT ON table} writing the table's tag and {@code NEW.column} into the audit table, only for
 * rows where that column is not NULL when {@code onlyNotNull}.
 */
record TriggerDef(String name, int table, int column, int auditTable, boolean onlyNotNull) {
}
