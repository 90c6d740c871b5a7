package io.liteshift.hints;

import io.liteshift.sql.Identifiers;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renames declared with {@code -- @renamed from=old} comments: never guessed, never prompted for.
 *
 * @param tables  new table name (folded) to its old name
 * @param columns new table name (folded) to (new column name (folded) to old column name)
 * @param origins where each hint was written, for messages about it (hints made in code have none)
 */
public record RenameHints(Map<String, String> tables, Map<String, Map<String, String>> columns, Map<Subject, Origin> origins) {

    public static final RenameHints NONE = new RenameHints(Map.of(), Map.of());

    /** What a hint renames, folded: a table ({@code column} null), or a column of a table. */
    public record Subject(String table, String column) {
        public static Subject table(String name) {
            return new Subject(Identifiers.fold(name), null);
        }

        public static Subject column(String table, String column) {
            return new Subject(Identifiers.fold(table), Identifiers.fold(column));
        }
    }

    /**
     * @param file the file (or text) the hint is in, as messages name it
     * @param text the hint's comment, as written
     */
    public record Origin(String file, int line, String text) {
        /** "schema.sql:12". */
        public String at() {
            return file + ":" + line;
        }
    }

    public RenameHints {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        origins = Map.copyOf(origins);
    }

    public RenameHints(Map<String, String> tables, Map<String, Map<String, String>> columns) {
        this(tables, columns, Map.of());
    }

    public Optional<String> tableRenamedFrom(String newName) {
        return Optional.ofNullable(tables.get(Identifiers.fold(newName)));
    }

    public Optional<String> columnRenamedFrom(String table, String newColumn) {
        return Optional.ofNullable(columns.getOrDefault(Identifiers.fold(table), Map.of()).get(Identifiers.fold(newColumn)));
    }

    /** Where the hint on {@code subject} was written, if it was written in a file or text. */
    public Optional<Origin> origin(Subject subject) {
        return Optional.ofNullable(origins.get(subject));
    }

    /** Only the hints in {@code keptTables} and {@code keptColumns} (a subset of these), still knowing where they were written. */
    public RenameHints keeping(Map<String, String> keptTables, Map<String, Map<String, String>> keptColumns) {
        return new RenameHints(keptTables, keptColumns, origins);
    }

    /**
     * Why a hint cannot be used, as a refusal says it: where it stands, what it was taken for ({@code what}: "column
     * users.akey"), why it cannot be, and the fix ({@code why} says both).
     */
    public static String unusable(Origin origin, String what, String from, String why) {
        String hint = origin == null ? "the rename hint" : origin.at() + ": the rename hint '" + origin.text() + "'";
        return hint + " was taken as a rename of " + what + " from " + from + ", but " + why + ".";
    }

    /**
     * Two hint sets are equal when they rename the same things: where a hint was written (a schema file's line, or
     * the line of the DDL a Java schema renders) is for messages only.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RenameHints other && tables.equals(other.tables) && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tables, columns);
    }
}
