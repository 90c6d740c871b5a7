package io.liteshift.dsl;

import io.liteshift.LiteShiftException;

import java.util.List;

/** Arguments the DSL refuses at once: a missing name is a mistake at the line that made it. */
final class Names {
    private Names() {
    }

    static String require(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "a " + what + " is " + (name == null ? "null" : "blank") + Where.at(Where.caller()) + ". Give it a name.");
        }
        return name;
    }

    static List<String> requireAll(String[] names, String what) {
        if (names == null || names.length == 0) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "no " + what + " given" + Where.at(Where.caller()) + ". Name at least one.");
        }
        for (String n : names) require(n, what);
        return List.of(names);
    }

    static String requireSql(String sql, String what) {
        if (sql == null || sql.isBlank()) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the " + what + " is " + (sql == null ? "null" : "empty") + Where.at(Where.caller()) + ". Write its SQL.");
        }
        return sql.strip();
    }
}
