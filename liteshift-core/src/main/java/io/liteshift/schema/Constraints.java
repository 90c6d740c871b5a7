package io.liteshift.schema;

import io.liteshift.sql.Identifiers;

final class Constraints {
    private Constraints() {
    }

    static String named(String name) {
        return name == null ? "" : "CONSTRAINT " + Identifiers.quote(name) + " ";
    }
}
