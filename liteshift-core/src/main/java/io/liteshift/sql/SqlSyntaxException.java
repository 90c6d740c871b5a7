package io.liteshift.sql;

/** SQL text that cannot be tokenized or parsed; carries the 1-based line where the problem starts. */
public final class SqlSyntaxException extends RuntimeException {
    private final int line;

    public SqlSyntaxException(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
