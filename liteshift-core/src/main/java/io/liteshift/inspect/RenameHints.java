package io.liteshift.inspect;

import io.liteshift.sql.Identifiers;

import java.util.Map;
import java.util.Optional;

/**
 * Renames declared with {@code -- @renamed from=old} comments: never guessed, never prompted for.
 *
 * @param tables  new table name (folded) to its old name
 * @param columns new table name (folded) to (new column name (folded) to old column name)
 */
public record RenameHints(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    public static final RenameHints NONE = new RenameHints(Map.of(), Map.of());

    public RenameHints {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
    }

    public Optional<String> tableRenamedFrom(String newName) {
        return Optional.ofNullable(tables.get(Identifiers.fold(newName)));
    }

    public Optional<String> columnRenamedFrom(String table, String newColumn) {
        return Optional.ofNullable(columns.getOrDefault(Identifiers.fold(table), Map.of()).get(Identifiers.fold(newColumn)));
    }
}
