package io.liteshift.property;

import java.util.List;

/** {@code CREATE VIEW name AS SELECT columns FROM table WHERE columns[0] IS NOT NULL}. */
record ViewDef(String name, int table, List<Integer> columns) {
}
