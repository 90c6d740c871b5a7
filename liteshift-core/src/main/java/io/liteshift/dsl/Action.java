package io.liteshift.dsl;

/** What a foreign key does when the parent row is deleted or its key updated. */
public enum Action {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT"), CASCADE("CASCADE");

    private final String sql;

    Action(String sql) {
        this.sql = sql;
    }

    /** The action as SQL writes it. */
    public String sql() {
        return sql;
    }
}
