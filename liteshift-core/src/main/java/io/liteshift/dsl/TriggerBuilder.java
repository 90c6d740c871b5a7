package io.liteshift.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * A trigger, declared in the lambda given to {@link SchemaBuilder#trigger}:
 * {@code tr -> tr.after().update("status").on("orders").when("NEW.status <> OLD.status").body("INSERT INTO ...")}.
 */
public final class TriggerBuilder {
    final String name;
    final String line = Where.caller();
    String timing;
    String event;
    List<String> updateColumns = List.of();
    String table;
    String when;
    final List<String> body = new ArrayList<>();

    TriggerBuilder(String name) {
        this.name = name;
    }

    public TriggerBuilder before() {
        timing = "BEFORE";
        return this;
    }

    public TriggerBuilder after() {
        timing = "AFTER";
        return this;
    }

    /** INSTEAD OF: for a trigger on a view. */
    public TriggerBuilder insteadOf() {
        timing = "INSTEAD OF";
        return this;
    }

    public TriggerBuilder insert() {
        event = "INSERT";
        return this;
    }

    public TriggerBuilder delete() {
        event = "DELETE";
        return this;
    }

    /** UPDATE, or with columns {@code UPDATE OF columns}: fires only when one of them is set. */
    public TriggerBuilder update(String... columns) {
        event = "UPDATE";
        updateColumns = List.of(columns);
        return this;
    }

    /** The table (or, for INSTEAD OF, the view) the trigger is on. */
    public TriggerBuilder on(String tableOrView) {
        table = Names.require(tableOrView, "trigger's table");
        return this;
    }

    /** {@code WHEN expression}: the trigger fires only for rows where it holds. */
    public TriggerBuilder when(String expression) {
        when = Names.requireSql(expression, "WHEN of trigger " + name);
        return this;
    }

    /** The statements between BEGIN and END, each without or with its final semicolon. */
    public TriggerBuilder body(String... statements) {
        for (String s : statements) {
            String sql = Names.requireSql(s, "statement of trigger " + name);
            body.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql);
        }
        return this;
    }
}
