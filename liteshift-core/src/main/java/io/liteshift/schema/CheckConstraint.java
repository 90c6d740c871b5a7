package io.liteshift.schema;

/** A CHECK constraint; {@code expression} is the SQL between its parentheses. */
public record CheckConstraint(String name, String expression) {

    @Override
    public String toString() {
        return Constraints.named(name) + "CHECK (" + expression + ")";
    }
}
