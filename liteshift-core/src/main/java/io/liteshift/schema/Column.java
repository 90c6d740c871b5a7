package io.liteshift.schema;

import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Token;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table column as SQLite knows it.
 *
 * @param type         declared type as written ("" when none)
 * @param defaultValue DEFAULT expression as written, or null
 * @param collation    COLLATE name, or null for BINARY by default
 * @param generated    the GENERATED ALWAYS AS expression, or null
 * @param definition   the column's definition text in its CREATE TABLE, or null when unknown
 * @param clauses      what that definition says beyond the shape (its constraints, its DEFAULT as written), read
 *                     when it was parsed; {@link ColumnClauses#NONE} when the definition is unknown
 */
public record Column(String name, String type, boolean notNull, String defaultValue, String collation,
                     Generated generated, String definition, ColumnClauses clauses) {

    /** A generated column's expression and whether it is STORED (else VIRTUAL). */
    public record Generated(String expression, boolean stored) {
    }

    public Column {
        Objects.requireNonNull(name);
        type = type == null ? "" : type;
        Objects.requireNonNull(clauses);
    }

    /** A column whose definition's clauses are not known (built in code). */
    public Column(String name, String type, boolean notNull, String defaultValue, String collation, Generated generated,
                  String definition) {
        this(name, type, notNull, defaultValue, collation, generated, definition, ColumnClauses.NONE);
    }

    public Column renamed(String to) {
        return new Column(to, type, notNull, defaultValue, collation, generated, definition, clauses);
    }

    public boolean isGenerated() {
        return generated != null;
    }

    /** SQLite's type affinity for this column's declared type (datatype3.html, section 3.1). */
    public String affinity() {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) return "INTEGER";
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) return "TEXT";
        if (t.isEmpty() || t.contains("BLOB")) return "BLOB";
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) return "REAL";
        return "NUMERIC";
    }

    /**
     * A DEFAULT as it must be written: SQLite reports an expression default without the parentheses that the
     * CREATE TABLE grammar requires around it, so anything but a literal is wrapped again.
     */
    static String defaultSql(String dflt) {
        List<Token> t = Lexer.significant(dflt);
        boolean signedNumber = t.size() == 2 && (t.get(0).isPunct("-") || t.get(0).isPunct("+"))
                && t.get(1).kind() == Token.Kind.NUMBER;
        boolean literal = t.size() == 1 && t.get(0).kind() != Token.Kind.PUNCT;
        boolean parenthesized = !t.isEmpty() && t.get(0).isPunct("(")
                && SqlText.canonicalExpression(dflt).length() < SqlText.canonical(dflt).length();
        return literal || signedNumber || parenthesized ? dflt : "(" + dflt + ")";
    }

    /** This column's definition with PRIMARY KEY AUTOINCREMENT inline (the only place SQLite accepts it). */
    String toStringWithAutoincrement() {
        return this + " PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Identifiers.quote(name));
        if (!type.isEmpty()) sb.append(' ').append(type);
        if (notNull) sb.append(" NOT NULL");
        if (defaultValue != null) sb.append(" DEFAULT ").append(defaultSql(defaultValue));
        if (collation != null) sb.append(" COLLATE ").append(Identifiers.quote(collation));
        if (generated != null) {
            sb.append(" GENERATED ALWAYS AS (").append(generated.expression).append(')')
                    .append(generated.stored ? " STORED" : " VIRTUAL");
        }
        return sb.toString();
    }
}
