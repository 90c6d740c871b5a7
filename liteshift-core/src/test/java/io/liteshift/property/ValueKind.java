package io.liteshift.property;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** What a column holds, derived from its declared type, and how to make values and constraints for it. */
enum ValueKind {
    INT, TEXT, REAL, BLOB, MIXED;

    static final List<String> TYPES = List.of("INTEGER", "TEXT", "REAL", "BLOB", "NUMERIC", "", "VARCHAR(20)");
    static final List<String> STRICT_TYPES = List.of("INTEGER", "TEXT", "REAL", "BLOB", "ANY");

    static ValueKind of(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "INTEGER", "NUMERIC", "INT" -> INT;
            case "TEXT", "VARCHAR(20)" -> TEXT;
            case "REAL" -> REAL;
            case "BLOB" -> BLOB;
            default -> MIXED;
        };
    }

    /** The type a STRICT table accepts for a column declared {@code type}. */
    static String strictType(String type) {
        return switch (of(type)) {
            case INT -> "INTEGER";
            case TEXT -> "TEXT";
            case REAL -> "REAL";
            case BLOB -> "BLOB";
            case MIXED -> "ANY";
        };
    }

    /** ANY means NUMERIC affinity outside STRICT tables; leave the type out instead. */
    static String lenientType(String type) {
        return type.equalsIgnoreCase("ANY") ? "" : type;
    }

    /** A value for {@code n}; small n repeat across rows, which later UNIQUE additions must notice. */
    Object value(int n) {
        return switch (this) {
            case INT -> (long) n;
            // numbers as text too: a retype to INTEGER or REAL keeps '12' as 12 but would change '003' and, under REAL, '4'
            case TEXT -> n % 5 == 4 ? String.valueOf(n) : n % 5 == 3 ? String.format("%03d", n) : n % 3 == 2 ? "it's " + n
                    : n % 3 == 1 ? "Ünï " + n : "v" + n;
            case REAL -> n + 0.5;
            case BLOB -> ("b" + n).getBytes(StandardCharsets.UTF_8);
            case MIXED -> n % 2 == 0 ? (Object) (long) n : "m" + n;
        };
    }

    /** A CHECK every {@link #value} satisfies; {@code %s} is the column. */
    String check() {
        return switch (this) {
            case INT -> "%s >= 0";
            case TEXT -> "length(%s) <= 20";
            case REAL -> "%s > -1";
            case BLOB -> "length(%s) < 100";
            case MIXED -> "%s IS NOT 'forbidden'";
        };
    }

    /** How many spellings {@link #defaultSql} has. */
    static final int DEFAULT_VARIANTS = 7;

    /**
     * A constant DEFAULT, each variant another value: plain, parenthesised, signed, quoted with an embedded quote,
     * a bare name SQLite stores as text (one that is also a column name in the pools), a double-quoted or bracketed
     * name, TRUE/FALSE, and comments inside.
     */
    String defaultSql(int variant) {
        return switch (this) {
            case INT -> List.of("0", "42", "-1", "(2 + 3)", "TRUE", "+7", "(1 /* one */ + 1 -- two\n)").get(variant);
            case TEXT -> List.of("'n/a'", "''", "'it''s'", "('x' || 'y')", "name", "\"dq\"", "('a' -- a\n)").get(variant);
            case REAL -> List.of("0.5", "(1.5)", "-2.5", "1e3", "+4.5", "- 3.5", "(2.5 -- two and a half\n)").get(variant);
            case BLOB -> List.of("X'00'", "x'ff'", "X''", "(X'0102')", "x'00ff'", "(x'ab' /* ab */)", "X'0a'").get(variant);
            case MIXED -> List.of("'x'", "7", "NULL", "+3", "[br]", "`bq`", "FALSE").get(variant);
        };
    }
}
