package io.liteshift.property;

/** {@code AFTER INSERT ON table} writing the table's tag and {@code NEW.column} into the audit table. */
record TriggerDef(String name, int table, int column, int auditTable) {
}
